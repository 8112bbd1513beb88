import { WebhookPayloadError } from "./errors"
import type { DeliveryEventType, ProviderEvent } from "./events"

/** The message tag that carries our message id: SES copies a message's tags into every event about it. */
export const SES_MESSAGE_ID_TAG = "marketing_message_id"

/**
 * SES events as a configuration set publishes them (`eventType`) or as an identity's feedback
 * notifications do (`notificationType`). Left out: Send repeats the 200 we had at send time;
 * DeliveryDelay is a retry that SES follows up with Delivery or Bounce; Open and Click are the
 * plugin's own pixel's and redirect's to count; Rendering Failure concerns SES templates, which the
 * plugin does not use. A Map, so that names such as "constructor" cannot reach Object.prototype.
 */
const EVENT_TYPES = new Map<string, DeliveryEventType>([
  ["Delivery", "delivered"],
  ["Bounce", "bounce"],
  ["Complaint", "complaint"],
  // SES refused to send it (a virus in it): the message's fault, not the address's.
  ["Reject", "dropped"],
])

type Json = Record<string, unknown>

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null)
const object = (value: unknown): Json | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null

/** The recipients an event concerns, each with what SES says about it, by event. */
function recipientsOf(eventType: string, event: Json, mail: Json): { email: string | null; detail: Json }[] {
  const listed = (entries: unknown) =>
    Array.isArray(entries) ? entries.map((entry) => ({ email: text(object(entry)?.emailAddress), detail: object(entry) ?? {} })) : []
  switch (eventType) {
    case "Bounce":
      return listed(object(event.bounce)?.bouncedRecipients)
    case "Complaint":
      return listed(object(event.complaint)?.complainedRecipients)
    case "Delivery": {
      const recipients = object(event.delivery)?.recipients
      return Array.isArray(recipients) ? recipients.map((email) => ({ email: text(email), detail: {} })) : []
    }
    default: {
      const destination = mail.destination
      return Array.isArray(destination) ? destination.map((email) => ({ email: text(email), detail: {} })) : []
    }
  }
}

/** When it happened: the event's own timestamp, else the time SES accepted the message. */
function occurredAt(eventType: string, event: Json, mail: Json): Date {
  const own = object(event[eventType.charAt(0).toLowerCase() + eventType.slice(1)])?.timestamp
  const at = Date.parse(text(own) ?? text(mail.timestamp) ?? "")
  if (Number.isNaN(at)) throw new WebhookPayloadError(`SES ${eventType} event without a timestamp`)
  return new Date(at)
}

function outcome(eventType: string, event: Json, detail: Json): Pick<ProviderEvent, "permanent" | "reason"> {
  switch (eventType) {
    case "Bounce": {
      const bounce = object(event.bounce) ?? {}
      // Permanent: the address does not exist or SES suppresses it. Transient and Undetermined come
      // once SES gave up on this message (a full mailbox, a too large message): the address may work later.
      const kind = [text(bounce.bounceType), text(bounce.bounceSubType)].filter(Boolean).join("/")
      const reason = [kind, text(detail.diagnosticCode)].filter(Boolean).join(": ")
      return { permanent: bounce.bounceType === "Permanent", reason: reason || null }
    }
    case "Complaint":
      return { permanent: true, reason: text(object(event.complaint)?.complaintFeedbackType) }
    case "Reject":
      return { permanent: false, reason: text(object(event.reject)?.reason) }
    default:
      return { permanent: false, reason: null }
  }
}

/**
 * The SES event an SNS Notification carries (its `Message`, JSON), as the plugin's provider events:
 * one per recipient it concerns. An event of a type we do not act on gives none. Each is identified
 * by SES's message id, the event and the recipient, so that SNS redelivering a notification, or SES
 * publishing an event twice or through both a configuration set and an identity, records it once.
 */
export function parseSesNotification(message: string): ProviderEvent[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(message)
  } catch {
    throw new WebhookPayloadError("SNS notification's Message is not JSON: is the subscription's raw message delivery on?")
  }
  const event = object(parsed)
  if (!event) throw new WebhookPayloadError("SNS notification's Message is not an SES event")
  const eventType = text(event.eventType) ?? text(event.notificationType)
  if (!eventType) throw new WebhookPayloadError("SNS notification's Message is not an SES event (no eventType)")
  const type = EVENT_TYPES.get(eventType)
  if (!type) return []
  const mail = object(event.mail)
  const sesMessageId = text(mail?.messageId)
  if (!mail || !sesMessageId) throw new WebhookPayloadError(`SES ${eventType} event without mail.messageId`)
  const tag = object(mail.tags)?.[SES_MESSAGE_ID_TAG]
  const messageId = Array.isArray(tag) ? text(tag[0]) : null
  const occurred_at = occurredAt(eventType, event, mail)
  return recipientsOf(eventType, event, mail).map(({ email, detail }) => ({
    provider: "ses",
    type,
    message_id: messageId,
    provider_message_id: sesMessageId,
    ...outcome(eventType, event, detail),
    ...(email && { email }),
    occurred_at,
    provider_event_id: `ses:${sesMessageId}:${eventType}:${email ?? ""}`,
  }))
}
