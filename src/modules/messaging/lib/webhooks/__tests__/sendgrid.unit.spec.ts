import { generateKeyPairSync, KeyObject, sign } from "node:crypto"
import fc from "fast-check"
import { WebhookPayloadError, WebhookSignatureError } from "../errors"
import type { ProviderEvent } from "../events"
import { parseSendGridEvents, SendGridWebhookRequest, verifySendGridWebhook } from "../sendgrid"

const NOW = Date.parse("2026-06-01T12:00:00Z")
const TIMESTAMP = String(NOW / 1000)

const newKeyPair = () => generateKeyPairSync("ec", { namedCurve: "prime256v1" })
const { publicKey, privateKey } = newKeyPair()
// What SendGrid shows under Mail Settings → Signed Event Webhook: the SPKI of a P-256 key, DER, base64.
const PUBLIC_KEY = publicKey.export({ type: "spki", format: "der" }).toString("base64")

/** SendGrid's scheme: ECDSA P-256 with SHA-256 over the timestamp header followed by the raw body, base64 DER. */
const signRequest = (timestamp: string, body: string, key: KeyObject = privateKey) =>
  sign("sha256", Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key).toString("base64")

// The batch as SendGrid posts it: one event a line, CRLF-terminated.
const BODY = '[{"event":"delivered","email":"ada@example.com","timestamp":1780315190,"sg_event_id":"e1"}]\r\n'

const request = (overrides: Partial<SendGridWebhookRequest> = {}): SendGridWebhookRequest => ({
  publicKey: PUBLIC_KEY,
  signature: signRequest(TIMESTAMP, BODY),
  timestamp: TIMESTAMP,
  rawBody: BODY,
  now: NOW,
  ...overrides,
})

describe("verifySendGridWebhook", () => {
  it.each<[string, Partial<SendGridWebhookRequest>]>([
    ["the raw body as a string", {}],
    ["the raw body as a Buffer", { rawBody: Buffer.from(BODY) }],
    ["the key as PEM", { publicKey: publicKey.export({ type: "spki", format: "pem" }).toString() }],
    ["a timestamp exactly at the edge of the window", (() => {
      const timestamp = String(NOW / 1000 - 600)
      return { timestamp, signature: signRequest(timestamp, BODY) }
    })()],
    ["a clock slightly behind SendGrid's", { now: NOW - 30_000 }],
    ["a wider window", (() => {
      const timestamp = String(NOW / 1000 - 3600)
      return { timestamp, signature: signRequest(timestamp, BODY), toleranceSeconds: 3600 }
    })()],
  ])("accepts a genuine request with %s", (_, overrides) => {
    expect(() => verifySendGridWebhook(request(overrides))).not.toThrow()
  })

  const otherKey = newKeyPair().privateKey
  const olderTimestamp = String(NOW / 1000 - 601)
  const laterTimestamp = String(NOW / 1000 + 601)
  it.each<[string, Partial<SendGridWebhookRequest>, string]>([
    ["no signature header", { signature: undefined }, "missing SendGrid signature or timestamp header"],
    ["an empty signature header", { signature: "" }, "missing SendGrid signature or timestamp header"],
    ["no timestamp header", { timestamp: undefined }, "missing SendGrid signature or timestamp header"],
    ["a tampered body", { rawBody: BODY.replace("delivered", "bounce") }, "bad SendGrid signature"],
    ["re-serialised JSON instead of the raw body", { rawBody: JSON.stringify(JSON.parse(BODY)) }, "bad SendGrid signature"],
    ["a signature made by another key", { signature: signRequest(TIMESTAMP, BODY, otherKey) }, "bad SendGrid signature"],
    ["a signature for another timestamp", { timestamp: String(NOW / 1000 - 1) }, "bad SendGrid signature"],
    ["a signature that is not DER", { signature: "bm90IGEgc2lnbmF0dXJl" }, "bad SendGrid signature"],
    ["a verification key that is not a key", { publicKey: "bm90IGEga2V5" }, "malformed SendGrid verification key"],
    ["no verification key", { publicKey: "" }, "malformed SendGrid verification key"],
    ["a timestamp that is not unix seconds", { timestamp: "2026-06-01T12:00:00Z" }, "malformed SendGrid timestamp"],
    ["a negative timestamp", { timestamp: "-1" }, "malformed SendGrid timestamp"],
    ["a stale timestamp", { timestamp: olderTimestamp, signature: signRequest(olderTimestamp, BODY) }, "outside"],
    ["a timestamp too far ahead", { timestamp: laterTimestamp, signature: signRequest(laterTimestamp, BODY) }, "outside"],
    ["a stale timestamp even with a bad signature", { timestamp: olderTimestamp, signature: "x" }, "outside"],
  ])("rejects %s", (_, overrides, message) => {
    const attempt = () => verifySendGridWebhook(request(overrides))
    expect(attempt).toThrow(WebhookSignatureError)
    expect(attempt).toThrow(message)
  })

  it("reads the clock itself when not given one", () => {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const current = request({ timestamp, signature: signRequest(timestamp, BODY) })
    expect(() => verifySendGridWebhook({ ...current, now: undefined })).not.toThrow()
    expect(() => verifySendGridWebhook({ ...request(), now: undefined })).toThrow("outside")
  })

  it("rejects any change to a single byte of the body", () => {
    const body = Buffer.from(BODY)
    fc.assert(
      fc.property(fc.nat(body.length - 1), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const tampered = Buffer.from(body)
        tampered[at] ^= flip
        expect(() => verifySendGridWebhook(request({ rawBody: tampered }))).toThrow("bad SendGrid signature")
      }),
      { numRuns: 25 }
    )
  })

  // The test vector shipped with @sendgrid/eventwebhook: a signature SendGrid itself made, so our reading of the
  // key, header and body formats is checked against the real thing, not only against our own signer.
  it("verifies SendGrid's own signed sample", () => {
    expect(() =>
      verifySendGridWebhook({
        publicKey: SENDGRID_SAMPLE.publicKey,
        signature: SENDGRID_SAMPLE.signature,
        timestamp: SENDGRID_SAMPLE.timestamp,
        rawBody: SENDGRID_SAMPLE.body,
        now: Number(SENDGRID_SAMPLE.timestamp) * 1000,
      })
    ).not.toThrow()
  })
})

const SENDGRID_SAMPLE = {
  publicKey:
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ4LIFtWztlsF7skFqOncjD1lun4H5w8XOhyOArHW9RcIx/FfEzx6cikC/yPfUvwaX/JScE7Fc9CJD2afQ9Ok3Q==",
  signature: "MEYCIQC/I4o6vCgqRYrTljjoVWB/GRWNtxeePlLMHr3x9ETeRQIhAIpV+03nREPTTHWSW0wIOA0EoMPdcNgXa70yCaqDJlu5",
  timestamp: "1619651159",
  body:
    '[{"email":"invalid@gmail.com","event":"processed","send_at":0,"sg_event_id":"cHJvY2Vzc2VkLTE5OTQyMTEyLXFOd0JMZ1BRUWpXNkRKdktRd1NBYnctMA","sg_message_id":"qNwBLgPQQjW6DJvKQwSAbw.filterdrecv-canary-547b64655b-cw6zx-1-6089EA4A-56.0","smtp-id":"<qNwBLgPQQjW6DJvKQwSAbw@ismtpd0178p1mdw1.sendgrid.net>","timestamp":1619651146},\r\n' +
    '{"email":"invalid@gmail.com","event":"bounce","ip":"167.89.101.76","reason":"552 5.2.2 The email account that you tried to reach is over quota and inactive. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm c17si1130468pgv.34 - gsmtp","sg_event_id":"Ym91bmNlLTAtMTk5NDIxMTItcU53QkxnUFFRalc2REp2S1F3U0Fidy0w","sg_message_id":"qNwBLgPQQjW6DJvKQwSAbw.filterdrecv-canary-547b64655b-cw6zx-1-6089EA4A-56.0","smtp-id":"<qNwBLgPQQjW6DJvKQwSAbw@ismtpd0178p1mdw1.sendgrid.net>","status":"5.2.2","timestamp":1619651147,"tls":1,"type":"blocked"}]\r\n',
}

describe("parseSendGridEvents", () => {
  const base = {
    email: "ada@example.com",
    timestamp: 1780315190,
    "smtp-id": "<W86EgYT6SQKk0lRflfLRsA@geopod-ismtpd-3>",
    sg_event_id: "ZGVsaXZlcmVkLTAtMjM",
    sg_message_id: "W86EgYT6SQKk0lRflfLRsA.filterdrecv-p3las1-5bf99c48d-wzlsz-18-5E0E1DC7-5B.0",
    marketing_message_id: "mmsg_01",
    category: ["campaign"],
  }
  const parseOne = (fields: Record<string, unknown>) => parseSendGridEvents(JSON.stringify([{ ...base, ...fields }]))

  it("normalises an event in full", () => {
    expect(parseOne({ event: "delivered", response: "250 OK", ip: "167.89.101.76" })).toEqual<ProviderEvent[]>([
      {
        provider: "sendgrid",
        type: "delivered",
        message_id: "mmsg_01",
        provider_message_id: "W86EgYT6SQKk0lRflfLRsA",
        permanent: false,
        reason: null,
        email: "ada@example.com",
        occurred_at: new Date("2026-06-01T11:59:50Z"),
        provider_event_id: "ZGVsaXZlcmVkLTAtMjM",
      },
    ])
  })

  it.each<[string, ProviderEvent["type"], boolean]>([
    ["delivered", "delivered", false],
    ["spamreport", "complaint", true],
    ["unsubscribe", "unsubscribe", false],
    ["group_unsubscribe", "unsubscribe", false],
    ["open", "open", false],
    ["click", "click", false],
  ])("maps %s to %s, permanent: %s", (event, type, permanent) => {
    expect(parseOne({ event })).toEqual([expect.objectContaining({ type, permanent, reason: null })])
  })

  const HARD_BOUNCE_REASON = "550 5.1.1 The email account that you tried to reach does not exist"
  it.each<[string, Record<string, unknown>, boolean, string | null]>([
    [
      "a hard bounce, with its classification",
      { type: "bounce", bounce_classification: "Invalid Address", reason: HARD_BOUNCE_REASON, status: "5.1.1" },
      true,
      `Invalid Address: ${HARD_BOUNCE_REASON}`,
    ],
    ["a hard bounce without classification", { type: "bounce", reason: HARD_BOUNCE_REASON }, true, HARD_BOUNCE_REASON],
    ["a bounce with only a classification", { type: "bounce", bounce_classification: "Technical" }, true, "Technical"],
    [
      "a block",
      { type: "blocked", bounce_classification: "Reputation", reason: "554 5.7.1 blocked" },
      false,
      "Reputation: 554 5.7.1 blocked",
    ],
    ["a block with no reason at all", { type: "blocked" }, false, null],
    ["a bounce of no known kind", { reason: HARD_BOUNCE_REASON }, false, HARD_BOUNCE_REASON],
  ])("maps %s", (_, fields, permanent, reason) => {
    expect(parseOne({ event: "bounce", ...fields })).toEqual([
      expect.objectContaining({ type: "bounce", permanent, reason }),
    ])
  })

  it.each<[string | undefined, boolean]>([
    ["Bounced Address", true],
    ["Invalid", true],
    ["Spam Reporting Address", true],
    ["Unsubscribed Address", true],
    [" bounced address ", true],
    ["Spam Content", false],
    ["Invalid SMTPAPI header", false],
    ["Recipient List over Package Quota", false],
    [undefined, false],
  ])("maps a drop for %p, permanent: %s", (reason, permanent) => {
    expect(parseOne({ event: "dropped", reason })).toEqual([
      expect.objectContaining({ type: "dropped", permanent, reason: reason ?? null }),
    ])
  })

  const READER = { useragent: "Mozilla/5.0", ip: "203.0.113.7" }
  const CLIENT = { user_agent: "Mozilla/5.0", ip: "203.0.113.7" }
  const SALE = "https://shop.example.com/sale"
  it.each<[string, Record<string, unknown>, Partial<ProviderEvent>]>([
    ["an open", { event: "open", ...READER, sg_machine_open: false }, CLIENT],
    ["a click", { event: "click", url: SALE, url_offset: { index: 0 }, ...READER }, { url: SALE, ...CLIENT }],
    ["an open without client details", { event: "open" }, {}],
    // On delivery events ip is SendGrid's sending IP, not the reader's.
    ["a delivery", { event: "delivered", ip: "167.89.101.76" }, {}],
  ])("reports the reader's client on %s", (_, fields, expected) => {
    const [event] = parseOne(fields)
    const client = (["url", "user_agent", "ip"] as const).filter((field) => field in event)
    expect(Object.fromEntries(client.map((field) => [field, event[field]]))).toEqual(expected)
  })

  it.each<[string, Record<string, unknown>, Partial<ProviderEvent>]>([
    ["splits the X-Message-Id off sg_message_id", {}, { provider_message_id: "W86EgYT6SQKk0lRflfLRsA" }],
    [
      "keeps an sg_message_id without suffix whole",
      { sg_message_id: "W86EgYT6SQKk0lRflfLRsA" },
      { provider_message_id: "W86EgYT6SQKk0lRflfLRsA" },
    ],
    ["has no provider message id without sg_message_id", { sg_message_id: undefined }, { provider_message_id: null }],
    ["has no message id without our custom arg", { marketing_message_id: undefined }, { message_id: null }],
    ["ignores a custom arg that is not a string", { marketing_message_id: 17 }, { message_id: null }],
    [
      "ignores a nested custom_args object, which SendGrid never sends",
      { marketing_message_id: undefined, custom_args: { marketing_message_id: "mmsg_01" } },
      { message_id: null },
    ],
  ])("%s", (_, fields, expected) => {
    expect(parseOne({ event: "delivered", ...fields })[0]).toMatchObject(expected)
  })

  it("leaves out an email SendGrid did not send", () => {
    expect(parseOne({ event: "delivered", email: undefined })[0]).not.toHaveProperty("email")
  })

  it.each([
    ["processed", { event: "processed" }],
    ["deferred", { event: "deferred", response: "421 try again later", attempt: "1" }],
    ["group_resubscribe", { event: "group_resubscribe" }],
    ["an event type from the future", { event: "account_status_change" }],
    ["a name from Object.prototype", { event: "constructor" }],
    ["__proto__", { event: "__proto__" }],
    ["an event without a name", {}],
    ["an event name that is not a string", { event: 7 }],
  ])("skips %s", (_, fields) => {
    expect(parseOne(fields)).toEqual([])
  })

  it("keeps the batch order and skips only what it does not act on", () => {
    const events = parseSendGridEvents(SENDGRID_SAMPLE.body)
    expect(events).toEqual([
      expect.objectContaining({
        type: "bounce",
        permanent: false,
        reason: expect.stringContaining("552 5.2.2"),
        provider_message_id: "qNwBLgPQQjW6DJvKQwSAbw",
        provider_event_id: "Ym91bmNlLTAtMTk5NDIxMTItcU53QkxnUFFRalc2REp2S1F3U0Fidy0w",
        occurred_at: new Date(1619651147 * 1000),
      }),
    ])
    // The sample's ip is SendGrid's sending IP, not the recipient's.
    expect(events[0]).not.toHaveProperty("ip")
  })

  it("accepts the body as a Buffer and an empty batch", () => {
    expect(parseSendGridEvents(Buffer.from(JSON.stringify([{ ...base, event: "open" }])))).toHaveLength(1)
    expect(parseSendGridEvents("[]")).toEqual([])
  })

  const batchOf = (fields: Record<string, unknown>) => JSON.stringify([{ ...base, event: "open", ...fields }])
  it.each<[string, string, string]>([
    ["a body that is not JSON", "event=delivered", "not JSON"],
    ["an empty body", "", "not JSON"],
    ["a single event instead of an array", JSON.stringify({ ...base, event: "delivered" }), "not an array"],
    ["null", "null", "not an array"],
    ["a string", '"delivered"', "not an array"],
    ["an event that is null", "[null]", "SendGrid event 0 is not an object"],
    ["an event that is an array", JSON.stringify([{ ...base, event: "open" }, []]), "SendGrid event 1 is not an object"],
    ["an event that is a string", '["delivered"]', "SendGrid event 0 is not an object"],
    ["an event without sg_event_id", batchOf({ sg_event_id: undefined }), "SendGrid event 0 has no sg_event_id"],
    ["an event without a timestamp", batchOf({ timestamp: undefined }), "SendGrid event 0 has no unix timestamp"],
    ["a timestamp as a string", batchOf({ timestamp: "1780315190" }), "SendGrid event 0 has no unix timestamp"],
  ])("rejects %s", (_, body, message) => {
    const attempt = () => parseSendGridEvents(body)
    expect(attempt).toThrow(WebhookPayloadError)
    expect(attempt).toThrow(message)
  })
})
