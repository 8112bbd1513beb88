import { EventWebhook } from "@sendgrid/eventwebhook"
import { WebhookPayloadError, WebhookSignatureError } from "./errors"
import type { DeliveryEventType, ProviderEvent } from "./events"

/** The custom arg carrying our message id: SendGrid copies custom args into every event as top-level keys. */
export const SENDGRID_MESSAGE_ID_ARG = "marketing_message_id"

const eventWebhook = new EventWebhook()

export interface SendGridWebhookRequest {
  /** The verification key of the Signed Event Webhook: base64 DER of its SPKI, as SendGrid shows it (PEM works too). */
  publicKey: string
  /** The X-Twilio-Email-Event-Webhook-Signature header. */
  signature: string | undefined
  /** The X-Twilio-Email-Event-Webhook-Timestamp header, unix seconds. */
  timestamp: string | undefined
  /** The body as received: SendGrid signs its bytes, trailing CRLF included, so re-serialised JSON never verifies. */
  rawBody: string | Buffer
  now?: number
  toleranceSeconds?: number
}

/** Returns when SendGrid signed this request recently; throws WebhookSignatureError otherwise. */
export function verifySendGridWebhook({
  publicKey,
  signature,
  timestamp,
  rawBody,
  now = Date.now(),
  toleranceSeconds = 600,
}: SendGridWebhookRequest): void {
  if (!signature || !timestamp) throw new WebhookSignatureError("missing SendGrid signature or timestamp header")
  // The signature covers the timestamp, so refusing old ones stops a captured request from replaying forever.
  // SendGrid documents no window, so the default is our choice; it is symmetric, for clock skew either way.
  // Checked before the signature because it is cheap and ECDSA verification is not.
  if (!/^\d+$/.test(timestamp)) throw new WebhookSignatureError("malformed SendGrid timestamp")
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) {
    throw new WebhookSignatureError("SendGrid timestamp outside the accepted window")
  }
  let key: ReturnType<EventWebhook["convertPublicKeyToECDSA"]>
  try {
    key = eventWebhook.convertPublicKeyToECDSA(publicKey)
  } catch {
    throw new WebhookSignatureError("malformed SendGrid verification key")
  }
  let valid: boolean
  try {
    valid = eventWebhook.verifySignature(key, rawBody, signature, timestamp)
  } catch {
    // The verifier throws, rather than answers false, when the header is not a DER signature at all.
    valid = false
  }
  if (!valid) throw new WebhookSignatureError("bad SendGrid signature")
}

/**
 * processed and deferred are left out: processed repeats the 202 we had at send time, and deferred is a retry
 * that SendGrid itself follows up with delivered, bounce or dropped. A Map, so that event names such as
 * "constructor" cannot reach Object.prototype.
 */
const EVENT_TYPES = new Map<string, DeliveryEventType>([
  ["delivered", "delivered"],
  ["bounce", "bounce"],
  ["dropped", "dropped"],
  ["spamreport", "complaint"],
  ["unsubscribe", "unsubscribe"],
  ["group_unsubscribe", "unsubscribe"],
  ["open", "open"],
  ["click", "click"],
])

/** Drop reasons that mean SendGrid will never deliver to the address; the others are about the message. */
const PERMANENT_DROP_REASONS = new Set(["bounced address", "invalid", "spam reporting address", "unsubscribed address"])

type SendGridEvent = Record<string, unknown>

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null)

/** SendGrid's JSON array of events, normalised. Event types we do not act on are skipped. */
export function parseSendGridEvents(rawBody: string | Buffer): ProviderEvent[] {
  let batch: unknown
  try {
    batch = JSON.parse(rawBody.toString())
  } catch {
    throw new WebhookPayloadError("SendGrid webhook body is not JSON")
  }
  if (!Array.isArray(batch)) throw new WebhookPayloadError("SendGrid webhook body is not an array of events")
  return batch.flatMap((entry: unknown, index) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new WebhookPayloadError(`SendGrid event ${index} is not an object`)
    }
    const event = entry as SendGridEvent
    const type = typeof event.event === "string" ? EVENT_TYPES.get(event.event) : undefined
    return type ? [toProviderEvent(type, event, index)] : []
  })
}

function toProviderEvent(type: DeliveryEventType, event: SendGridEvent, index: number): ProviderEvent {
  const eventId = text(event.sg_event_id)
  if (!eventId) throw new WebhookPayloadError(`SendGrid event ${index} has no sg_event_id`)
  if (typeof event.timestamp !== "number" || !Number.isFinite(event.timestamp)) {
    throw new WebhookPayloadError(`SendGrid event ${index} has no unix timestamp`)
  }
  const email = text(event.email)
  return {
    provider: "sendgrid",
    type,
    message_id: text(event[SENDGRID_MESSAGE_ID_ARG]),
    // sg_message_id is `<X-Message-Id>.<delivery suffix>`; the X-Message-Id part is what we stored at send time.
    provider_message_id: text(event.sg_message_id)?.split(".")[0] ?? null,
    ...outcome(type, event),
    ...(email && { email }),
    ...engagement(type, event),
    occurred_at: new Date(event.timestamp * 1000),
    provider_event_id: eventId,
  }
}

function outcome(type: DeliveryEventType, event: SendGridEvent): Pick<ProviderEvent, "permanent" | "reason"> {
  switch (type) {
    case "bounce": {
      // type "bounce" is a hard bounce, which SendGrid also adds to its bounce list; "blocked" is a soft one.
      const reason = [text(event.bounce_classification), text(event.reason)].filter(Boolean).join(": ")
      return { permanent: event.type === "bounce", reason: reason || null }
    }
    case "dropped": {
      const reason = text(event.reason)
      return { permanent: PERMANENT_DROP_REASONS.has(reason?.trim().toLowerCase() ?? ""), reason }
    }
    case "complaint":
      return { permanent: true, reason: null }
    default:
      return { permanent: false, reason: null }
  }
}

/**
 * Who opened or clicked. Only engagement events carry the recipient's client: on delivery events `ip` is
 * SendGrid's own sending IP.
 */
function engagement(type: DeliveryEventType, event: SendGridEvent): Pick<ProviderEvent, "url" | "user_agent" | "ip"> {
  if (type !== "open" && type !== "click") return {}
  const url = text(event.url)
  const userAgent = text(event.useragent)
  const ip = text(event.ip)
  return { ...(url && { url }), ...(userAgent && { user_agent: userAgent }), ...(ip && { ip }) }
}
