import { DEVELOPMENT_TOKEN_SECRET, DEVELOPMENT_WEBHOOK_SECRET, parsePluginOptions } from "../plugin-options"

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

  it("lets raw rows settle 10 s before the analytics rollup counts them, or as long as the store says, within 1-600 s", () => {
    expect(parsePluginOptions(undefined).analytics.settle_seconds).toBe(10)
    expect(parsePluginOptions({ analytics: { settle_seconds: undefined } }).analytics.settle_seconds).toBe(10)
    expect(parsePluginOptions({ analytics: { settle_seconds: 2 } }).analytics.settle_seconds).toBe(2)
    expect(() => parsePluginOptions({ analytics: { settle_seconds: 0 } })).toThrow(/options\.analytics\.settle_seconds/)
    expect(() => parsePluginOptions({ analytics: { settle_seconds: 1.5 } })).toThrow(/options\.analytics\.settle_seconds/)
  })

  it("reports a wrong type", () => {
    expect(() => parsePluginOptions({ default_timezone: 3 })).toThrow(/options\.default_timezone/)
  })
})

describe.each([
  ["token_secret", DEVELOPMENT_TOKEN_SECRET, "webhook_secret"],
  ["webhook_secret", DEVELOPMENT_WEBHOOK_SECRET, "token_secret"],
] as const)("%s", (name, developmentSecret, other) => {
  const env = process.env.NODE_ENV
  afterEach(() => {
    process.env.NODE_ENV = env
  })
  const withOther = { [other]: "o".repeat(32) }

  it.each(["production", "staging", undefined])("is required, and cannot be the public development one, when NODE_ENV is %s", (nodeEnv) => {
    if (nodeEnv) process.env.NODE_ENV = nodeEnv
    else delete process.env.NODE_ENV
    const refusal = `options.${name} is required when NODE_ENV is '${nodeEnv ?? ""}'`
    expect(() => parsePluginOptions(withOther)).toThrow(refusal)
    expect(() => parsePluginOptions({ ...withOther, [name]: developmentSecret })).toThrow(refusal)
    expect(parsePluginOptions({ ...withOther, [name]: "x".repeat(32) })[name]).toBe("x".repeat(32))
  })

  it.each(["development", "test"])("has the development default when NODE_ENV is %s, and a minimum length", (nodeEnv) => {
    process.env.NODE_ENV = nodeEnv
    expect(parsePluginOptions({})[name]).toBe(developmentSecret)
    expect(() => parsePluginOptions({ [name]: "short" })).toThrow(`options.${name} must be at least 32 characters`)
  })
})

describe("public URL", () => {
  it("normalises the public URL", () => {
    expect(parsePluginOptions({ public_url: "https://shop.example.com/" }).public_url).toBe("https://shop.example.com")
    expect(() => parsePluginOptions({ public_url: "shop" })).toThrow("options.public_url must be an absolute URL")
  })
})
