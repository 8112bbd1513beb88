import path from "node:path"
import { createMedusaContainer } from "@medusajs/framework/utils"
import type { DeliveryProvider } from "../../../../types/messaging/providers"
import deliveryProvidersLoader, { deliveryProviderKey } from "../providers"

/** A store's own provider, loaded by path as a store's would be. */
const GATEWAY_PROVIDER = path.resolve(__dirname, "../../../../../integration-tests/fixtures/gateway-provider")

const SENDGRID = { provider: "sendgrid", api_key: "SG.k", from: "news@shop.example.com" }

async function load(options: Record<string, unknown>) {
  const container = createMedusaContainer()
  await deliveryProvidersLoader({ container, options } as Parameters<typeof deliveryProvidersLoader>[0])
  return container
}

async function refusal(options: Record<string, unknown>): Promise<string> {
  const error = await load(options).then(
    () => null,
    (error: Error) => error
  )
  if (!error) throw new Error("expected the options to be refused")
  return error.message
}

const providerOf = (container: ReturnType<typeof createMedusaContainer>, channel: "email" | "sms" | "push") =>
  container.resolve<DeliveryProvider>(deliveryProviderKey(channel))

describe("delivery provider options", () => {
  it("loads the built-in each short name names, with its options' defaults", async () => {
    const container = await load({
      email: { provider: "smtp", host: "localhost", from: "news@shop.example.com", rate_per_second: 5 },
      sms: { provider: "twilio", account_sid: `AC${"0".repeat(32)}`, auth_token: "t", from: "+14155550100" },
      push: { provider: "webhook", url: "https://push.example.com/send", secret: "s".repeat(16) },
    })
    const providers = (["email", "sms", "push"] as const).map((channel) => providerOf(container, channel))
    expect(providers.map((p) => [p.name, p.channel, p.batchSize])).toEqual([
      ["smtp", "email", 50],
      ["twilio", "sms", 20],
      ["webhook", "push", 50],
    ])
    // One instance per channel for the process's life: the SMTP pool is not remade.
    expect(providerOf(container, "email")).toBe(providers[0])
    await Promise.all(providers.map((provider) => provider.close()))
  })

  it("registers nothing for a channel without a provider", async () => {
    const container = await load({ email: SENDGRID })
    expect(container.hasRegistration(deliveryProviderKey("email"))).toBe(true)
    expect(container.hasRegistration(deliveryProviderKey("sms"))).toBe(false)
  })

  it("names every bad field of a built-in's options", async () => {
    const message = await refusal({ email: { provider: "sendgrid", from: "not-an-email", batch_size: 5000 } })
    expect(message).toContain("medusa-plugin-marketing: invalid plugin options: ")
    expect(message).toContain("options.email.api_key is required")
    expect(message).toContain("options.email.from must be an email address")
    expect(message).toContain("options.email.batch_size must be at most 1000")
  })

  it("refuses a pace that is not a positive number, for built-in and own providers alike", async () => {
    expect(await refusal({ email: { ...SENDGRID, rate_per_second: -1 } })).toContain(
      "options.email.rate_per_second must be a positive number"
    )
    expect(await refusal({ sms: { resolve: GATEWAY_PROVIDER, rate_per_second: 0 } })).toContain(
      "options.sms.rate_per_second must be a positive number"
    )
  })

  it("names the built-ins when a short name is unknown", async () => {
    expect(await refusal({ email: { provider: "mailgun" } })).toContain(
      "options.email.provider must be one of 'sendgrid', 'smtp', 'ses', or give your own provider's path or package as resolve"
    )
    expect(await refusal({ push: { provider: "twilio" } })).toContain("options.push.provider must be one of 'webhook'")
  })

  it("requires resolve when no built-in is named, and nothing else beside it", async () => {
    expect(await refusal({ sms: { options: { url: "https://gateway.example.com" } } })).toContain(
      "options.sms.resolve is required: your provider's path or package (or name a built-in as provider)"
    )
    expect(await refusal({ sms: { resolve: GATEWAY_PROVIDER, url: "https://gateway.example.com" } })).toMatch(
      /options\.sms has 'url' beside resolve: a provider's own options go in 'options'/
    )
    expect(await refusal({ sms: "twilio" })).toContain("options.sms must be { provider: '<built-in>', ...its options }")
  })

  it("loads a store's own provider by path, with the options it validates itself", async () => {
    const container = await load({ sms: { resolve: GATEWAY_PROVIDER, options: { url: "https://gateway.example.com/sms" } } })
    const provider = providerOf(container, "sms")
    expect([provider.name, provider.channel, provider.batchSize]).toEqual(["store-gateway", "sms", 10])
  })

  it("stops on a store's provider that refuses its options or cannot be found", async () => {
    expect(await refusal({ sms: { resolve: GATEWAY_PROVIDER } })).toBe(
      "medusa-plugin-marketing: invalid plugin options: options.sms.options.url must be the gateway's URL"
    )
    expect(await refusal({ sms: { resolve: GATEWAY_PROVIDER, options: { url: "not a url" } } })).toBe(
      "medusa-plugin-marketing: invalid plugin options: options.sms.options.url must be the gateway's URL"
    )
    expect(await refusal({ sms: { resolve: "/nowhere/sms-provider" } })).toContain(
      "options.sms: Unable to find module /nowhere/sms-provider"
    )
  })

  it("stops at boot on a provider of another channel, naming the option", async () => {
    expect(await refusal({ email: { resolve: GATEWAY_PROVIDER, options: { url: "https://gateway.example.com/sms" } } })).toBe(
      "medusa-plugin-marketing: invalid plugin options: options.email: 'store-gateway' delivers sms messages, not email: configure a provider of email there"
    )
    const sendgrid = path.resolve(__dirname, "../../../../providers/sendgrid")
    expect(await refusal({ push: { resolve: sendgrid, options: { api_key: "SG.k", from: "news@shop.example.com" } } })).toBe(
      "medusa-plugin-marketing: invalid plugin options: options.push: 'sendgrid' delivers email messages, not push: configure a provider of push there"
    )
  })

  it("accepts only SNS SignatureVersions that exist for SES's webhook, at least one", async () => {
    const ses = { provider: "ses", region: "eu-west-1", from: "news@shop.example.com" }
    expect(await refusal({ email: { ...ses, sns_signature_versions: ["2", "3"] } })).toBe(
      'medusa-plugin-marketing: invalid plugin options: options.email.sns_signature_versions.1 must be one of "1", "2"'
    )
    expect(await refusal({ email: { ...ses, sns_signature_versions: [] } })).toContain(
      "options.email.sns_signature_versions must accept at least one SNS SignatureVersion"
    )
  })

  it("requires exactly one Twilio sender, and a usable push URL and secret", async () => {
    const twilio = { provider: "twilio", account_sid: `AC${"0".repeat(32)}`, auth_token: "t" }
    const exactlyOne = "options.sms.from or messaging_service_sid: exactly one of them must be set"
    expect(await refusal({ sms: twilio })).toContain(exactlyOne)
    expect(await refusal({ sms: { ...twilio, from: "+14155550100", messaging_service_sid: `MG${"0".repeat(32)}` } })).toContain(
      exactlyOne
    )
    expect(await refusal({ sms: { ...twilio, account_sid: "AC123", from: "0415 555" } })).toMatch(
      /options\.sms\.account_sid must be a Twilio Account SID.*options\.sms\.from must be an E\.164 phone number/
    )
    expect(await refusal({ push: { provider: "webhook", url: "ftp://push.example.com", secret: "short" } })).toMatch(
      /options\.push\.url must be an absolute http\(s\) URL.*options\.push\.secret must be at least 16 characters/
    )
  })
})
