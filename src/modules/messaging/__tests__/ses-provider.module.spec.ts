import { startSesServer, startSnsServer } from "../../../../demo/sinks"
import type { OutgoingMessage } from "../../../types/messaging/providers"
import { SesProvider } from "../../../providers/ses/service"
import { campaignContent, campaignEmail, refusedPort, SHOP, TAG, tokenOf } from "./outgoing-messages"

jest.setTimeout(30_000)

const CREDENTIALS = { access_key_id: "AKIDSTANDIN", secret_access_key: "stand-in-secret" }

const CAMPAIGN = campaignContent({ html: `<p>Hello</p><a href="${SHOP}/t/${TAG}">Shop now</a>` })
const email = (index: number, overrides: Partial<OutgoingMessage> = {}) => campaignEmail(index, CAMPAIGN, overrides)

describe("SesProvider against the local SES v2 API", () => {
  let server: Awaited<ReturnType<typeof startSesServer>>
  let provider: SesProvider
  const providerFor = (options: Record<string, unknown> = {}) =>
    new SesProvider(
      {},
      {
        region: "eu-west-1",
        from: { email: "news@shop.example.com", name: "Shop" },
        configuration_set: "marketing",
        credentials: CREDENTIALS,
        endpoint: server.url,
        ...options,
      }
    )

  beforeAll(async () => {
    server = await startSesServer({ accessKeyId: CREDENTIALS.access_key_id, configurationSets: ["marketing"] })
    provider = providerFor()
  })
  afterEach(() => server.reset())
  afterAll(async () => {
    await provider.close()
    await server.close()
  })

  it("sends each message with its own token, headers, our id as a tag and the configuration set, and records SES's message id", async () => {
    const outcomes = await provider.send([email(1), email(2)])
    const emails = server.messages()
    expect(outcomes).toEqual(emails.map((sent, index) => ({ id: `mmsg_${index + 1}`, status: "sent", provider_message_id: sent.message_id })))
    expect(emails[1]).toEqual({
      message_id: expect.stringMatching(/^0100/),
      received_at: expect.any(Date),
      from: '"Shop" <news@shop.example.com>',
      to: ["shopper2@example.com"],
      subject: "Spring sale",
      html: `<p>Hello</p><a href="${SHOP}/t/${tokenOf(2)}">Shop now</a>`,
      text: `Hello. Shop now: ${SHOP}/t/${tokenOf(2)}`,
      headers: { "List-Unsubscribe": `<${SHOP}/u/unsub2>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      tags: { marketing_message_id: "mmsg_2" },
      configuration_set: "marketing",
    })
  })

  it("writes a sender name that is not ASCII as an encoded word, and sends a text-only email without html", async () => {
    const named = providerFor({ from: { email: "news@shop.example.com", name: "Büro \"Süd\"" } })
    await named.send([email(1, { content: { subject: "Hi", text: "Plain" } })])
    const [sent] = server.messages()
    expect(sent.from).toBe(`=?UTF-8?B?${Buffer.from('Büro "Süd"').toString("base64")}?= <news@shop.example.com>`)
    expect([sent.text, sent.html]).toEqual(["Plain", undefined])
    await named.close()
  })

  it("fails a message SES refuses with SES's words, and sends the others", async () => {
    const outcomes = await provider.send([email(1), email(2, { to: "not-an-address" })])
    expect(outcomes).toEqual([
      { id: "mmsg_1", status: "sent", provider_message_id: expect.any(String) },
      { id: "mmsg_2", status: "failed", reason: "HTTP 400: BadRequestException: Missing final '@domain'" },
    ])
    server.failNext(1, 400, { message: "Email address is not verified. The following identities failed the check in region EU-WEST-1: news@shop.example.com" })
    expect(await provider.send([email(3)])).toEqual([
      { id: "mmsg_3", status: "failed", reason: expect.stringMatching(/^HTTP 400: MessageRejected: Email address is not verified/) },
    ])
  })

  it("fails on an unknown configuration set and on refused credentials", async () => {
    const unknownSet = providerFor({ configuration_set: "nope" })
    expect(await unknownSet.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "failed", reason: "HTTP 404: NotFoundException: Configuration set <nope> does not exist." },
    ])
    const wrongKey = providerFor({ credentials: { access_key_id: "AKIDWRONG", secret_access_key: "x" } })
    expect(await wrongKey.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "failed", reason: "HTTP 403: UnrecognizedClientException: The security token included in the request is invalid." },
    ])
    expect(server.messages()).toEqual([])
    await Promise.all([unknownSet.close(), wrongKey.close()])
  })

  it("retries throttling (after Retry-After when given), a spent daily quota and a 5xx, each message once", async () => {
    server.failNext(1, 429, { retryAfter: 7 })
    expect(await provider.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "retry", reason: "HTTP 429: TooManyRequestsException: Maximum sending rate exceeded.", retry_after_ms: 7000 },
    ])
    server.failNext(1, 400, { name: "LimitExceededException", message: "Daily message quota exceeded." })
    expect(await provider.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "retry", reason: "HTTP 400: LimitExceededException: Daily message quota exceeded." },
    ])
    server.failNext(1, 500)
    expect(await provider.send([email(1)])).toEqual([
      { id: "mmsg_1", status: "retry", reason: "HTTP 500: InternalServiceErrorException: Internal service error." },
    ])
    // The SDK itself does not retry: one request per message, whatever the answer.
    expect(server.requests).toHaveLength(3)
  })

  it("retries when SES cannot be reached", async () => {
    const unreachable = providerFor({ endpoint: `http://127.0.0.1:${await refusedPort()}` })
    const [outcome] = await unreachable.send([email(1)])
    expect(outcome).toMatchObject({ id: "mmsg_1", status: "retry", reason: expect.stringContaining("ECONNREFUSED") })
    await unreachable.close()
  })

  it("takes SNS messages signed with SignatureVersion 1 or 2, and only 2 when sns_signature_versions says so", async () => {
    const sns = await startSnsServer()
    const snsOptions = { sns_topic_arns: [sns.topicArn], sns_test_url_prefix: sns.url }
    const delivery = (signatureVersion: "1" | "2") => JSON.stringify(sns.notification({ eventType: "Delivery" }, { signatureVersion }))
    const byDefault = providerFor(snsOptions)
    const sha256Only = providerFor({ ...snsOptions, sns_signature_versions: ["2"] })
    try {
      await expect(byDefault.verifySnsMessage(delivery("1"))).resolves.toMatchObject({ SignatureVersion: "1" })
      await expect(byDefault.verifySnsMessage(delivery("2"))).resolves.toMatchObject({ SignatureVersion: "2" })
      await expect(sha256Only.verifySnsMessage(delivery("2"))).resolves.toMatchObject({ SignatureVersion: "2" })
      await expect(sha256Only.verifySnsMessage(delivery("1"))).rejects.toThrow(
        "SNS SignatureVersion 1 is not accepted (sns_signature_versions)"
      )
    } finally {
      await Promise.all([byDefault.close(), sha256Only.close(), sns.close()])
    }
  })
})
