/** What a provider reported about one message, in words shared by every provider. */
export type DeliveryEventType =
  | "delivered"
  | "bounce"
  | "dropped"
  | "complaint"
  | "unsubscribe"
  | "open"
  | "click"
  | "failed"

export interface ProviderEvent {
  /** The provider that reported it, as its `name` (e.g. "sendgrid", "twilio"). */
  provider: string
  type: DeliveryEventType
  /** Our message id when the provider echoes it (SendGrid custom arg marketing_message_id, Twilio ?message_id=, SES tag) */
  message_id: string | null
  provider_message_id: string | null
  /**
   * Sending to this address again cannot succeed or must not happen: a hard bounce, a drop for an address
   * the provider has suppressed, a spam complaint, a permanent SMS failure. The consumer suppresses the address.
   * Unsubscribes are a change of consent rather than of deliverability, so they stay false and go by `type`.
   */
  permanent: boolean
  reason: string | null
  email?: string
  phone?: string
  url?: string
  user_agent?: string
  ip?: string
  occurred_at: Date
  /** The provider's own id of the event, for idempotent processing (SendGrid sg_event_id; Twilio MessageSid+status; SES message id+event+recipient) */
  provider_event_id: string
}
