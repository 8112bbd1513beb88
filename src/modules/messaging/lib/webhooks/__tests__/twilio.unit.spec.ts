import { createHmac } from "node:crypto"
import fc from "fast-check"
import { WebhookPayloadError, WebhookSignatureError } from "../errors"
import type { ProviderEvent } from "../events"
import {
  InboundKeyword,
  parseTwilioInbound,
  parseTwilioStatusCallback,
  TwilioParams,
  TwilioWebhookRequest,
  verifyTwilioWebhook,
} from "../twilio"

const AUTH_TOKEN = "12345678901234567890123456789012"
const CALLBACK_URL = "https://shop.example.com/hooks/marketing/twilio/status?message_id=mmsg_01"
const NOW = Date.parse("2026-06-01T12:00:00Z")

/**
 * Twilio's documented scheme (twilio.com/docs/usage/security#validating-requests): the full URL, then each POST
 * parameter's name and value with no separator, in alphabetical order of name; HMAC-SHA1 keyed with the auth
 * token; base64.
 */
const twilioSignature = (authToken: string, url: string, params: TwilioParams) =>
  createHmac("sha1", authToken)
    .update(
      Object.keys(params)
        .sort()
        .reduce((data, name) => data + name + params[name], url)
    )
    .digest("base64")

const STATUS_PARAMS = {
  MessageSid: "SM0123456789abcdef0123456789abcdef",
  SmsSid: "SM0123456789abcdef0123456789abcdef",
  AccountSid: "AC0123456789abcdef0123456789abcdef",
  MessageStatus: "delivered",
  SmsStatus: "delivered",
  From: "+15005550006",
  To: "+14155550123",
  ApiVersion: "2010-04-01",
}

describe("verifyTwilioWebhook", () => {
  const request = (overrides: Partial<TwilioWebhookRequest> = {}): TwilioWebhookRequest => ({
    authToken: AUTH_TOKEN,
    signature: twilioSignature(AUTH_TOKEN, CALLBACK_URL, STATUS_PARAMS),
    url: CALLBACK_URL,
    params: STATUS_PARAMS,
    ...overrides,
  })

  const { To, ...withoutTo } = STATUS_PARAMS
  it.each<[string, Partial<TwilioWebhookRequest>]>([
    ["with the query string in the signed URL", {}],
    ["whatever the order of the form fields", { params: { To, ...withoutTo } }],
    ["with no form fields", { params: {}, signature: twilioSignature(AUTH_TOKEN, CALLBACK_URL, {}) }],
    [
      "when the URL names the default port Twilio left out",
      { url: CALLBACK_URL.replace("shop.example.com", "shop.example.com:443") },
    ],
  ])("accepts a genuine request %s", (_, overrides) => {
    expect(() => verifyTwilioWebhook(request(overrides))).not.toThrow()
  })

  it.each<[string, Partial<TwilioWebhookRequest>, string]>([
    ["no signature header", { signature: undefined }, "missing X-Twilio-Signature header"],
    ["an empty signature header", { signature: "" }, "missing X-Twilio-Signature header"],
    [
      "a request signed with an empty auth token when none is configured",
      { authToken: "", signature: twilioSignature("", CALLBACK_URL, STATUS_PARAMS) },
      "no Twilio auth token configured",
    ],
    ["a signature made with another auth token", { authToken: "another-token" }, "bad Twilio signature"],
    ["a tampered form field", { params: { ...STATUS_PARAMS, MessageStatus: "undelivered" } }, "bad Twilio signature"],
    ["an added form field", { params: { ...STATUS_PARAMS, ErrorCode: "30005" } }, "bad Twilio signature"],
    ["a removed form field", { params: withoutTo }, "bad Twilio signature"],
    ["the URL without its query string", { url: CALLBACK_URL.split("?")[0] }, "bad Twilio signature"],
    ["another message id in the query string", { url: CALLBACK_URL.replace("mmsg_01", "mmsg_02") }, "bad Twilio signature"],
    ["the URL of another host", { url: CALLBACK_URL.replace("shop.", "evil.") }, "bad Twilio signature"],
    ["a signature that is not base64 HMAC", { signature: "not-a-signature" }, "bad Twilio signature"],
  ])("rejects %s", (_, overrides, message) => {
    const attempt = () => verifyTwilioWebhook(request(overrides))
    expect(attempt).toThrow(WebhookSignatureError)
    expect(attempt).toThrow(message)
  })
})

describe("parseTwilioStatusCallback", () => {
  const QUERY = { message_id: "mmsg_01" }
  const parse = (params: Record<string, string>, query: TwilioParams = QUERY) =>
    parseTwilioStatusCallback({ ...STATUS_PARAMS, ...params }, query, { now: NOW })

  it("normalises a delivery in full", () => {
    expect(parse({})).toEqual<ProviderEvent>({
      provider: "twilio",
      type: "delivered",
      message_id: "mmsg_01",
      provider_message_id: "SM0123456789abcdef0123456789abcdef",
      permanent: false,
      reason: null,
      phone: "+14155550123",
      occurred_at: new Date(NOW),
      provider_event_id: "SM0123456789abcdef0123456789abcdef:delivered",
    })
  })

  it.each<[string, ProviderEvent["type"] | null]>([
    ["delivered", "delivered"],
    ["undelivered", "failed"],
    ["failed", "failed"],
    ["read", "open"],
    ["accepted", null],
    ["scheduled", null],
    ["queued", null],
    ["sending", null],
    ["sent", null],
    ["canceled", null],
    ["receiving", null],
    ["received", null],
    ["partially_delivered", null],
    ["a status from the future", null],
  ])("maps %s to %s", (status, type) => {
    expect(parse({ MessageStatus: status })?.type ?? null).toBe(type)
  })

  it.each<[string, string, boolean]>([
    ["undelivered", "30005", true],
    ["undelivered", "30006", true],
    ["failed", "21211", true],
    ["failed", "21610", true],
    ["failed", "21614", true],
    ["failed", "21635", true],
    ["undelivered", "30003", false],
    ["undelivered", "30004", false],
    ["undelivered", "30007", false],
    ["undelivered", "30008", false],
    ["failed", "30002", false],
    ["failed", "30034", false],
  ])("treats %s with error %s as permanent: %s", (status, code, permanent) => {
    expect(parse({ MessageStatus: status, ErrorCode: code })).toMatchObject({
      type: "failed",
      permanent,
      reason: `Twilio error ${code}`,
    })
  })

  it("never calls an outcome other than a failure permanent", () => {
    const delivered = parse({ MessageStatus: "delivered", ErrorCode: "30005" })
    expect(delivered).toMatchObject({ type: "delivered", permanent: false })
  })

  it("treats a failure without error code as temporary", () => {
    expect(parse({ MessageStatus: "failed" })).toMatchObject({ type: "failed", permanent: false, reason: null })
  })

  it("dates the event when it arrived, by its own clock unless given one", () => {
    const before = Date.now()
    const occurredAt = parseTwilioStatusCallback(STATUS_PARAMS, QUERY)!.occurred_at.getTime()
    expect(occurredAt).toBeGreaterThanOrEqual(before)
    expect(occurredAt).toBeLessThanOrEqual(Date.now())
  })

  it("gives each status of a message its own event id", () => {
    expect(parse({ MessageStatus: "read" })?.provider_event_id).toBe("SM0123456789abcdef0123456789abcdef:read")
  })

  it.each<[string, TwilioParams]>([
    ["without a query string", {}],
    ["with an empty message_id", { message_id: "" }],
  ])("has no message id %s", (_, query) => {
    expect(parse({}, query)?.message_id).toBeNull()
  })

  it("leaves out a phone Twilio did not send", () => {
    const { To, ...withoutTo } = STATUS_PARAMS
    expect(parseTwilioStatusCallback(withoutTo, QUERY, { now: NOW })).not.toHaveProperty("phone")
  })

  it.each(["MessageSid", "MessageStatus"])("rejects a callback without %s", (field) => {
    const attempt = () => parseTwilioStatusCallback({ ...STATUS_PARAMS, [field]: "" }, QUERY, { now: NOW })
    expect(attempt).toThrow(WebhookPayloadError)
  })
})

describe("parseTwilioInbound", () => {
  const INBOUND = {
    MessageSid: "SMfedcba9876543210fedcba9876543210",
    AccountSid: "AC0123456789abcdef0123456789abcdef",
    From: "+14155550123",
    To: "+15005550006",
    NumMedia: "0",
  }
  const keywordOf = (Body: string, extra: Record<string, string> = {}) =>
    parseTwilioInbound({ ...INBOUND, Body, ...extra }).keyword

  it("returns the message with its keyword", () => {
    expect(parseTwilioInbound({ ...INBOUND, Body: "STOP" })).toEqual({
      provider_message_id: "SMfedcba9876543210fedcba9876543210",
      from: "+14155550123",
      to: "+15005550006",
      body: "STOP",
      keyword: "stop",
    })
  })

  const KEYWORDS: [string, InboundKeyword][] = [
    ["STOP", "stop"],
    ["STOPALL", "stop"],
    ["UNSUBSCRIBE", "stop"],
    ["CANCEL", "stop"],
    ["END", "stop"],
    ["QUIT", "stop"],
    ["REVOKE", "stop"],
    ["OPTOUT", "stop"],
    ["START", "start"],
    ["YES", "start"],
    ["UNSTOP", "start"],
    ["HELP", "help"],
    ["INFO", "help"],
  ]
  it.each(KEYWORDS.flatMap(([word, keyword]) => [
    [word, keyword],
    [word.toLowerCase(), keyword],
    [word[0] + word.slice(1).toLowerCase(), keyword],
  ]))("reads %p as %s", (body, keyword) => {
    expect(keywordOf(body)).toBe(keyword)
  })

  it.each<[string, InboundKeyword | null]>([
    ["  stop\n", "stop"],
    ["\tStart ", "start"],
    ["Stop.", "stop"],
    ["STOP!!!", "stop"],
    ["¡Stop!", "stop"],
    ['"stop"', "stop"],
    ["help?", "help"],
    ["… End …", "stop"],
    ["please stop sending", null],
    ["STOP PLEASE", null],
    ["stop it", null],
    ["STOP ALL", null],
    ["OPT OUT", null],
    ["S.T.O.P", null],
    ["stopp", null],
    ["STOP 🛑", null],
    ["OPTIN", null],
    ["Yes please", null],
    ["", null],
    ["?!", null],
  ])("reads %p as %s", (body, keyword) => {
    expect(keywordOf(body)).toBe(keyword)
  })

  it("reads a keyword alone whatever the case, spacing and punctuation around it", () => {
    const around = fc.string({ unit: fc.constantFrom(" ", "\n", "\t", ".", "!", "?", ",", "\u00a0") })
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYWORDS),
        fc.array(fc.boolean()),
        around,
        around,
        ([word, keyword], upper, before, after) => {
          const cased = [...word].map((letter, i) => (upper[i] ? letter : letter.toLowerCase())).join("")
          expect(keywordOf(before + cased + after)).toBe(keyword)
        }
      )
    )
  })

  it("reads no keyword in a longer message", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KEYWORDS),
        fc.stringMatching(/^[a-z]{1,10}$/),
        fc.boolean(),
        ([word], other, first) => {
          expect(keywordOf(first ? `${word} ${other}` : `${other} ${word}`)).toBeNull()
        }
      )
    )
  })

  it.each<[string, string, string, InboundKeyword | null]>([
    ["a keyword of the account's own", "STOP", "Arrêt", "stop"],
    ["an opt-in", "START", "go", "start"],
    ["a help request", "HELP", "aide", "help"],
    ["a lowercase value", "stop", "Arrêt", "stop"],
    ["a value it does not know, falling back to the body", "PAUSE", "stop", "stop"],
    ["an empty value, falling back to the body", "", "hello", null],
  ])("follows Twilio's OptOutType for %s", (_, optOutType, body, keyword) => {
    expect(keywordOf(body, { OptOutType: optOutType })).toBe(keyword)
  })

  it("reads a message without a body, such as a picture, as no keyword", () => {
    expect(parseTwilioInbound({ ...INBOUND, NumMedia: "1" })).toMatchObject({ body: "", keyword: null })
  })

  it.each(["MessageSid", "From", "To"])("rejects a message without %s", (field) => {
    expect(() => parseTwilioInbound({ ...INBOUND, Body: "STOP", [field]: "" })).toThrow(WebhookPayloadError)
  })
})
