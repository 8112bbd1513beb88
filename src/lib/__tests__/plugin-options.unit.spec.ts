import { parsePluginOptions } from "../plugin-options"

describe("plugin options", () => {
  it("has defaults for everything", () => {
    expect(parsePluginOptions(undefined)).toMatchObject({ default_timezone: "UTC", default_currency_code: "usd" })
  })

  it("normalises currency codes", () => {
    expect(parsePluginOptions({ default_currency_code: "EUR" }).default_currency_code).toBe("eur")
  })

  it("keeps the keys Medusa adds for its modules", () => {
    expect(parsePluginOptions({ resources: "shared" })).toMatchObject({ resources: "shared" })
  })

  it("names every invalid option and what is wrong with it", () => {
    expect(() => parsePluginOptions({ default_timezone: "Mars/Olympus", default_currency_code: "euro" })).toThrow(
      "medusa-plugin-marketing: invalid plugin options: " +
        "options.default_timezone is not an IANA timezone such as 'Europe/Berlin'; " +
        "options.default_currency_code must be a three-letter ISO 4217 code such as 'eur'"
    )
  })

  it("reports a wrong type", () => {
    expect(() => parsePluginOptions({ default_timezone: 3 })).toThrow(/options\.default_timezone/)
  })
})
