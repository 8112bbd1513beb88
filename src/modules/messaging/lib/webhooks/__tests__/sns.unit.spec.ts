import { generateKeyPairSync } from "node:crypto"
import fc from "fast-check"
import { WebhookPayloadError, WebhookSignatureError } from "../errors"
import { checkSnsOrigin, isSnsUrl, parseSnsMessage, snsStringToSign, verifySnsSignature, type SnsMessage, type SnsTrust } from "../sns"
import { AWS_SIGNED_AT, AWS_SIGNED_V1, AWS_SIGNED_V2, AWS_SNS_CERTIFICATE } from "./fixtures/aws-signed-sns"

// CommonJS helpers shared with the demo's stand-ins: a certificate made in DER by hand, and SNS's signing scheme.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { selfSignedCertificate, signSnsMessage } = require("../../../../../../demo/sinks")

const NOW = Date.parse("2026-06-01T12:00:00Z")
const DAY = 86_400_000
const TOPIC = "arn:aws:sns:eu-west-1:123456789012:marketing-ses-events"
const CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem"

const newKeys = () => generateKeyPairSync("rsa", { modulusLength: 2048 })
const keys = newKeys()
const certificateFor = (pair = keys, notBefore = new Date(NOW - DAY), notAfter = new Date(NOW + 365 * DAY)) =>
  selfSignedCertificate({ ...pair, notBefore, notAfter }) as string
const CERTIFICATE = certificateFor()

type Fields = Record<string, string>

/** A message as SNS posts it, signed with `privateKey` over the fields as given. */
const signed = (fields: Fields, privateKey = keys.privateKey): SnsMessage => {
  const message = { SignatureVersion: "2", SigningCertURL: CERT_URL, TopicArn: TOPIC, Timestamp: "2026-06-01T11:59:59.000Z", ...fields }
  return { ...message, Signature: signSnsMessage(message, privateKey) } as unknown as SnsMessage
}

const NOTIFICATION: Fields = {
  Type: "Notification",
  MessageId: "5d3b0e4c-1111-2222-3333-444455556666",
  Message: '{"eventType":"Bounce"}',
  UnsubscribeURL: "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x",
}
const CONFIRMATION: Fields = {
  Type: "SubscriptionConfirmation",
  MessageId: "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
  Token: "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736",
  Message: `You have chosen to subscribe to the topic ${TOPIC}.`,
  SubscribeURL: `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${TOPIC}&Token=2336412f37fb`,
}

const verify = (message: SnsMessage, certificate = CERTIFICATE, now = NOW) => () => verifySnsSignature(message, certificate, now)

describe("verifySnsSignature", () => {
  it.each<[string, SnsMessage]>([
    ["a notification signed with SHA256 (SignatureVersion 2)", signed(NOTIFICATION)],
    ["a notification signed with SHA1 (SignatureVersion 1)", signed({ ...NOTIFICATION, SignatureVersion: "1" })],
    ["a notification with a Subject", signed({ ...NOTIFICATION, Subject: "Amazon SES Email Event Notification" })],
    ["a subscription confirmation", signed(CONFIRMATION)],
    ["an unsubscribe confirmation", signed({ ...CONFIRMATION, Type: "UnsubscribeConfirmation" })],
    ["a Message with newlines and non-ASCII", signed({ ...NOTIFICATION, Message: "Zeile 1\nZeile 2: Grüße ✓" })],
  ])("accepts %s", (_, message) => {
    expect(verify(message)).not.toThrow()
  })

  // Signed by SNS itself (see the fixture): our string to sign is AWS's, for both versions.
  it.each([
    ["1", AWS_SIGNED_V1],
    ["2", AWS_SIGNED_V2],
  ])("verifies a notification AWS signed with SignatureVersion %s, with AWS's certificate", (_, message) => {
    expect(verify(message as SnsMessage, AWS_SNS_CERTIFICATE, AWS_SIGNED_AT)).not.toThrow()
    expect(verify({ ...message, Message: "Hello world!" } as SnsMessage, AWS_SNS_CERTIFICATE, AWS_SIGNED_AT)).toThrow("bad SNS signature")
  })

  const notification = signed(NOTIFICATION)
  const v1 = signed({ ...NOTIFICATION, SignatureVersion: "1" })
  it.each<[string, () => void, string]>([
    ["a changed Message", verify({ ...notification, Message: '{"eventType":"Delivery"}' }), "bad SNS signature"],
    ["a changed MessageId", verify({ ...notification, MessageId: "another" }), "bad SNS signature"],
    ["a changed TopicArn", verify({ ...notification, TopicArn: `${TOPIC}-other` }), "bad SNS signature"],
    ["a changed Timestamp", verify({ ...notification, Timestamp: "2026-06-01T12:00:00.000Z" }), "bad SNS signature"],
    ["a changed Type", verify({ ...notification, Type: "SubscriptionConfirmation", SubscribeURL: CERT_URL, Token: "t" }), "bad SNS signature"],
    ["a Subject added", verify({ ...notification, Subject: "added" }), "bad SNS signature"],
    ["a changed SubscribeURL", verify({ ...signed(CONFIRMATION), SubscribeURL: "https://sns.eu-west-1.amazonaws.com/?Action=Other" }), "bad SNS signature"],
    ["a changed Token", verify({ ...signed(CONFIRMATION), Token: "other" }), "bad SNS signature"],
    ["a SHA1 signature announced as SignatureVersion 2", verify({ ...v1, SignatureVersion: "2" }), "bad SNS signature"],
    ["a SHA256 signature announced as SignatureVersion 1", verify({ ...notification, SignatureVersion: "1" }), "bad SNS signature"],
    ["a signature by another key", verify(signed(NOTIFICATION, newKeys().privateKey)), "bad SNS signature"],
    ["a signature that is not base64 of one", verify({ ...notification, Signature: "bm90IGEgc2lnbmF0dXJl" }), "bad SNS signature"],
    ["an unknown SignatureVersion", verify({ ...notification, SignatureVersion: "3" }), "unknown SNS SignatureVersion"],
    ["a certificate that expired", verify(notification, CERTIFICATE, NOW + 366 * DAY), "expired or not yet valid"],
    ["a certificate not yet valid", verify(notification, CERTIFICATE, NOW - 2 * DAY), "expired or not yet valid"],
    ["AWS's own message once its certificate expired", verify(AWS_SIGNED_V2 as SnsMessage, AWS_SNS_CERTIFICATE, NOW), "expired or not yet valid"],
    ["a certificate that is not one", verify(notification, "-----BEGIN CERTIFICATE-----\nbm90\n-----END CERTIFICATE-----\n"), "not an X.509 certificate"],
  ])("rejects %s", (_, attempt, message) => {
    expect(attempt).toThrow(WebhookSignatureError)
    expect(attempt).toThrow(message)
  })

  it("rejects any change to a single character of a signed field", () => {
    const fields = ["Message", "MessageId", "Timestamp", "TopicArn"] as const
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.nat(), fc.integer({ min: 1, max: 0xffff }), (field, at, flip) => {
        const value = notification[field]
        const index = at % value.length
        const changed = value.slice(0, index) + String.fromCharCode(value.charCodeAt(index) ^ flip) + value.slice(index + 1)
        expect(verify({ ...notification, [field]: changed })).toThrow("bad SNS signature")
      }),
      { numRuns: 40 }
    )
  })

  it("leaves fields SNS does not sign out of the string to sign", () => {
    const withUnsigned = { ...notification, UnsubscribeURL: "https://elsewhere.example.com" } as SnsMessage
    expect(verify(withUnsigned)).not.toThrow()
    expect(snsStringToSign(notification)).toBe(
      `Message\n${NOTIFICATION.Message}\nMessageId\n${NOTIFICATION.MessageId}\nTimestamp\n2026-06-01T11:59:59.000Z\nTopicArn\n${TOPIC}\nType\nNotification\n`
    )
  })
})

describe("parseSnsMessage", () => {
  const body = (fields: object) => JSON.stringify(fields)

  it("reads a message SNS posted, as a string or a Buffer", () => {
    const message = signed(NOTIFICATION)
    expect(parseSnsMessage(body(message))).toEqual(message)
    expect(parseSnsMessage(Buffer.from(body(message)))).toEqual(message)
  })

  it.each<[string, string]>([
    ["a body that is not JSON", "Type=Notification"],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
  ])("refuses %s as a bad payload", (_, raw) => {
    expect(() => parseSnsMessage(raw)).toThrow(WebhookPayloadError)
  })

  const { Signature, SigningCertURL, MessageId, ...unsigned } = signed(NOTIFICATION)
  it.each<[string, Record<string, unknown>, string]>([
    ["an unknown Type", { ...signed(NOTIFICATION), Type: "Announcement" }, "unknown type"],
    ["a Type that is an Object.prototype key", { ...signed(NOTIFICATION), Type: "constructor" }, "unknown type"],
    ["no Type", { ...signed(NOTIFICATION), Type: undefined }, "unknown type"],
    ["no Signature", { ...unsigned, SigningCertURL, MessageId }, "without Signature"],
    ["no SigningCertURL", { ...unsigned, Signature, MessageId }, "without SigningCertURL"],
    ["no MessageId", { ...unsigned, Signature, SigningCertURL }, "without MessageId"],
    ["a subscription confirmation without its Token", { ...signed(CONFIRMATION), Token: undefined }, "without Token"],
    ["a numeric Timestamp", { ...signed(NOTIFICATION), Timestamp: 1780315199 }, "without Timestamp"],
    ["a Subject that is not a string", { ...signed(NOTIFICATION), Subject: 7 }, "Subject is not a string"],
    ["SignatureVersion 3", { ...signed(NOTIFICATION), SignatureVersion: "3" }, "unknown SNS SignatureVersion"],
  ])("refuses %s as unverifiable", (_, fields, message) => {
    const attempt = () => parseSnsMessage(body(fields))
    expect(attempt).toThrow(WebhookSignatureError)
    expect(attempt).toThrow(message)
  })
})

describe("isSnsUrl", () => {
  it.each([
    "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
    "https://sns.eu-central-1.amazonaws.com/?Action=ConfirmSubscription&Token=x",
    "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
    "https://sns.us-gov-west-1.amazonaws.com:443/cert.pem",
  ])("accepts SNS's own %s", (url) => {
    expect(isSnsUrl(url)).toBe(true)
  })

  it.each([
    ["plain http", "http://sns.us-east-1.amazonaws.com/cert.pem"],
    ["another host", "https://evil.example.com/cert.pem"],
    ["an SNS host as a subdomain of another", "https://sns.us-east-1.amazonaws.com.evil.example.com/cert.pem"],
    ["another AWS service", "https://s3.us-east-1.amazonaws.com/cert.pem"],
    ["a host that only ends like SNS's", "https://evilsns.us-east-1.amazonaws.com/cert.pem"],
    ["an S3 bucket named sns", "https://sns.s3.amazonaws.com/cert.pem"],
    ["an S3 bucket named sns, by region", "https://sns.s3-us-west-2.amazonaws.com/cert.pem"],
    ["another port", "https://sns.us-east-1.amazonaws.com:8443/cert.pem"],
    ["credentials in the URL", "https://user:pass@sns.us-east-1.amazonaws.com/cert.pem"],
    ["a local stand-in without the test option", "http://127.0.0.1:4566/cert.pem"],
    ["no URL at all", "sns.us-east-1.amazonaws.com/cert.pem"],
    ["an empty string", ""],
  ])("refuses %s", (_, url) => {
    expect(isSnsUrl(url)).toBe(false)
  })

  it("trusts the test prefix's origin and path only, when given", () => {
    const prefix = "http://127.0.0.1:4566/sns/"
    expect(isSnsUrl("http://127.0.0.1:4566/sns/cert.pem", prefix)).toBe(true)
    expect(isSnsUrl("https://sns.us-east-1.amazonaws.com/cert.pem", prefix)).toBe(true)
    expect(isSnsUrl("http://127.0.0.1:45660/sns/cert.pem", prefix)).toBe(false)
    expect(isSnsUrl("http://127.0.0.1:4566/other/cert.pem", prefix)).toBe(false)
    expect(isSnsUrl("https://127.0.0.1:4566/sns/cert.pem", prefix)).toBe(false)
    expect(isSnsUrl("http://127.0.0.1:4566/sns-other/cert.pem", "http://127.0.0.1:4566/sns")).toBe(false)
  })

  it("trusts no test prefix on another machine, whoever could serve it", () => {
    expect(isSnsUrl("http://stand-in.example.com/sns/cert.pem", "http://stand-in.example.com/sns/")).toBe(false)
  })
})

describe("checkSnsOrigin", () => {
  const trust = { topicArns: [TOPIC], signatureVersions: ["1", "2"] }
  const check = (fields: Fields, options: SnsTrust = trust) => () =>
    checkSnsOrigin(signed({ ...NOTIFICATION, ...fields }), options)

  it("accepts a configured topic, an accepted SignatureVersion and a certificate on an SNS host, or under the test prefix when set", () => {
    expect(check({})).not.toThrow()
    expect(check({ SignatureVersion: "1" })).not.toThrow()
    expect(check({ SignatureVersion: "2" }, { ...trust, signatureVersions: ["2"] })).not.toThrow()
    expect(check({ SigningCertURL: "http://127.0.0.1:4566/c.pem" }, { ...trust, testUrlPrefix: "http://127.0.0.1:4566" })).not.toThrow()
  })

  it.each<[string, () => void, string]>([
    ["another topic", check({ TopicArn: `${TOPIC}-other` }), "is not configured"],
    ["any topic when none is configured", check({}, { ...trust, topicArns: [] }), "is not configured"],
    ["SHA1 when only SHA256 is accepted", check({ SignatureVersion: "1" }, { ...trust, signatureVersions: ["2"] }), "SNS SignatureVersion 1 is not accepted (sns_signature_versions)"],
    ["a certificate over http", check({ SigningCertURL: CERT_URL.replace("https:", "http:") }), "SigningCertURL"],
    ["a certificate on another host", check({ SigningCertURL: "https://evil.example.com/SimpleNotificationService-1.pem" }), "SigningCertURL"],
    ["an SNS URL that is not a .pem file", check({ SigningCertURL: "https://sns.eu-west-1.amazonaws.com/?Action=ListTopics" }), "SigningCertURL"],
    ["a local certificate without the test prefix", check({ SigningCertURL: "http://127.0.0.1:4566/c.pem" }), "SigningCertURL"],
    ["a certificate URL with a query", check({ SigningCertURL: `${CERT_URL}?again=1` }), "SigningCertURL"],
    ["a certificate URL with a fragment", check({ SigningCertURL: `${CERT_URL}#again` }), "SigningCertURL"],
  ])("refuses %s", (_, attempt, message) => {
    expect(attempt).toThrow(WebhookSignatureError)
    expect(attempt).toThrow(message)
  })
})
