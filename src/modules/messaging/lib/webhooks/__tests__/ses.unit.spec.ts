import { WebhookPayloadError } from "../errors"
import type { ProviderEvent } from "../events"
import { parseSesNotification } from "../ses"

const SES_ID = "010001905e6b7a4b-5f3b1a8e-8f2c-4d0e-9a3b-2c9d7e1f4a6b-000000"

/** The `mail` object SES puts in every event, as a configuration set publishes it. */
const mail = (overrides: Record<string, unknown> = {}) => ({
  timestamp: "2026-06-01T11:00:00.000Z",
  source: "news@shop.example.com",
  sourceArn: "arn:aws:ses:eu-west-1:123456789012:identity/shop.example.com",
  sendingAccountId: "123456789012",
  messageId: SES_ID,
  destination: ["ada@example.com"],
  headersTruncated: false,
  tags: {
    "ses:configuration-set": ["marketing"],
    "ses:source-ip": ["203.0.113.7"],
    marketing_message_id: ["mmsg_01"],
  },
  ...overrides,
})

const parse = (event: Record<string, unknown>) => parseSesNotification(JSON.stringify({ mail: mail(), ...event }))

const BOUNCE = {
  eventType: "Bounce",
  bounce: {
    bounceType: "Permanent",
    bounceSubType: "General",
    bouncedRecipients: [
      { emailAddress: "ada@example.com", action: "failed", status: "5.1.1", diagnosticCode: "smtp; 550 5.1.1 user unknown" },
    ],
    timestamp: "2026-06-01T11:00:05.000Z",
    feedbackId: "010001905e6b7c1f-8a2b3c4d-0000-000000",
    reportingMTA: "dsn; e226-55.smtp-out.eu-west-1.amazonses.com",
  },
}

describe("parseSesNotification", () => {
  it("reads a delivery, naming our message by its tag and SES's by its id", () => {
    const delivery = { eventType: "Delivery", delivery: { timestamp: "2026-06-01T11:00:02.000Z", processingTimeMillis: 2000, recipients: ["ada@example.com"], smtpResponse: "250 2.0.0 OK" } }
    expect(parse(delivery)).toEqual<ProviderEvent[]>([
      {
        provider: "ses",
        type: "delivered",
        message_id: "mmsg_01",
        provider_message_id: SES_ID,
        permanent: false,
        reason: null,
        email: "ada@example.com",
        occurred_at: new Date("2026-06-01T11:00:02.000Z"),
        provider_event_id: `ses:${SES_ID}:Delivery:ada@example.com`,
      },
    ])
  })

  it("takes a permanent bounce as permanent, with SES's type and the receiving server's words", () => {
    expect(parse(BOUNCE)).toEqual([
      expect.objectContaining({
        type: "bounce",
        permanent: true,
        reason: "Permanent/General: smtp; 550 5.1.1 user unknown",
        occurred_at: new Date("2026-06-01T11:00:05.000Z"),
      }),
    ])
  })

  it.each(["Transient", "Undetermined"])("takes a %s bounce as a bounce of this message only", (bounceType) => {
    const [event] = parse({ ...BOUNCE, bounce: { ...BOUNCE.bounce, bounceType, bounceSubType: "MailboxFull" } })
    expect(event).toMatchObject({ type: "bounce", permanent: false, reason: `${bounceType}/MailboxFull: smtp; 550 5.1.1 user unknown` })
  })

  it("takes an address on SES's suppression list as a permanent bounce", () => {
    const suppressed = { ...BOUNCE, bounce: { ...BOUNCE.bounce, bounceSubType: "OnAccountSuppressionList", bouncedRecipients: [{ emailAddress: "ada@example.com" }] } }
    expect(parse(suppressed)).toEqual([expect.objectContaining({ permanent: true, reason: "Permanent/OnAccountSuppressionList" })])
  })

  it("takes a complaint as permanent, with its feedback type when the mailbox provider gave one", () => {
    const complaint = { eventType: "Complaint", complaint: { complainedRecipients: [{ emailAddress: "ada@example.com" }], timestamp: "2026-06-01T12:00:00.000Z", feedbackId: "f1", complaintFeedbackType: "abuse" } }
    expect(parse(complaint)).toEqual([
      expect.objectContaining({ type: "complaint", permanent: true, reason: "abuse", provider_event_id: `ses:${SES_ID}:Complaint:ada@example.com` }),
    ])
    const bare = { ...complaint, complaint: { ...complaint.complaint, complaintFeedbackType: undefined } }
    expect(parse(bare)).toEqual([expect.objectContaining({ type: "complaint", permanent: true, reason: null })])
  })

  it("takes a reject as a drop of the message, not of the address, dated when SES took the message", () => {
    expect(parse({ eventType: "Reject", reject: { reason: "Bad content" } })).toEqual([
      expect.objectContaining({ type: "dropped", permanent: false, reason: "Bad content", email: "ada@example.com", occurred_at: new Date("2026-06-01T11:00:00.000Z") }),
    ])
  })

  it("reads an identity's feedback notification (notificationType) as the same event", () => {
    const [fromSet] = parse(BOUNCE)
    const [fromIdentity] = parseSesNotification(JSON.stringify({ notificationType: "Bounce", bounce: BOUNCE.bounce, mail: mail() }))
    // Same id: the same bounce arriving both ways is recorded once.
    expect(fromIdentity).toEqual(fromSet)
  })

  it("gives one event per recipient the event names", () => {
    const twice = { ...BOUNCE, bounce: { ...BOUNCE.bounce, bouncedRecipients: [{ emailAddress: "ada@example.com" }, { emailAddress: "bob@example.com" }] } }
    expect(parse(twice).map((event) => [event.email, event.provider_event_id])).toEqual([
      ["ada@example.com", `ses:${SES_ID}:Bounce:ada@example.com`],
      ["bob@example.com", `ses:${SES_ID}:Bounce:bob@example.com`],
    ])
  })

  it("leaves our message id null for a message sent without the tag, to be matched by SES's id", () => {
    const untagged = parseSesNotification(JSON.stringify({ ...BOUNCE, mail: mail({ tags: { "ses:configuration-set": ["marketing"] } }) }))
    expect(untagged).toEqual([expect.objectContaining({ message_id: null, provider_message_id: SES_ID })])
  })

  it.each(["Send", "DeliveryDelay", "Open", "Click", "Rendering Failure", "Subscription", "constructor"])("skips %s events", (eventType) => {
    expect(parse({ eventType })).toEqual([])
  })

  it.each<[string, string]>([
    ["a Message that is not JSON", "not json"],
    ["a Message that is not an object", "[1]"],
    ["an event without a type", JSON.stringify({ mail: mail() })],
    ["an event without mail", JSON.stringify({ eventType: "Delivery", delivery: { recipients: ["a@example.com"] } })],
    ["an event without SES's message id", JSON.stringify({ ...BOUNCE, mail: mail({ messageId: undefined }) })],
    ["an event without any timestamp", JSON.stringify({ ...BOUNCE, bounce: { ...BOUNCE.bounce, timestamp: undefined }, mail: mail({ timestamp: undefined }) })],
  ])("refuses %s as a bad payload", (_, message) => {
    expect(() => parseSesNotification(message)).toThrow(WebhookPayloadError)
  })
})
