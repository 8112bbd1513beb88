/** The facts a store's endpoints can subscribe to, each named as its receivers see it. */
export const WebhookEventType = {
  MESSAGE_DELIVERED: "message.delivered",
  MESSAGE_OPENED: "message.opened",
  MESSAGE_CLICKED: "message.clicked",
  MESSAGE_BOUNCED: "message.bounced",
  CONTACT_UNSUBSCRIBED: "contact.unsubscribed",
  CODE_REDEEMED: "code.redeemed",
  JOURNEY_ENTERED: "journey.entered",
  JOURNEY_CONVERTED: "journey.converted",
} as const
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType]
export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType)

export const WebhookDeliveryStatus = {
  /** Waiting for its first attempt, or for a retry after `next_attempt_at`. */
  PENDING: "pending",
  /** Claimed by a worker until `leased_until`. */
  SENDING: "sending",
  DELIVERED: "delivered",
  /** Every attempt failed: it stays in the log, and can be resent. */
  FAILED: "failed",
} as const
export type WebhookDeliveryStatus = (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus]

export const WebhookEvents = {
  /** Deliveries were queued: the sender starts at once instead of at its next tick. */
  DELIVERIES_QUEUED: "marketing.webhook_deliveries.queued",
} as const
