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

describe("token secret", () => {
  const env = process.env.NODE_ENV
  afterEach(() => {
    process.env.NODE_ENV = env
  })

  it("is required in production", () => {
    process.env.NODE_ENV = "production"
    expect(() => parsePluginOptions({})).toThrow("options.token_secret is required in production")
    expect(parsePluginOptions({ token_secret: "x".repeat(32) }).token_secret).toBe("x".repeat(32))
  })

  it("has a development default elsewhere, and a minimum length", () => {
    process.env.NODE_ENV = "development"
    expect(parsePluginOptions({}).token_secret.length).toBeGreaterThanOrEqual(32)
    expect(() => parsePluginOptions({ token_secret: "short" })).toThrow("options.token_secret must be at least 32 characters")
  })

  it("normalises the public URL", () => {
    expect(parsePluginOptions({ public_url: "https://shop.example.com/" }).public_url).toBe("https://shop.example.com")
    expect(() => parsePluginOptions({ public_url: "shop" })).toThrow("options.public_url must be an absolute URL")
  })
})
