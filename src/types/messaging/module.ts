export const MessageStatus = {
  /** Waiting for a worker, from `not_before` on (quiet hours and retries push it later). */
  QUEUED: "queued",
  /** Claimed by a worker until `claimed_until`; an expired claim goes back to the queue. */
  SENDING: "sending",
  /** Accepted by the provider. */
  SENT: "sent",
  /** The provider reported it delivered. */
  DELIVERED: "delivered",
  /** Refused for good: a permanent provider error, or retries used up. */
  FAILED: "failed",
  /** Bounced or dropped after sending, as the provider's webhook reported. */
  BOUNCED: "bounced",
} as const
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus]

export const MessageEventType = {
  OPEN: "open",
  CLICK: "click",
  UNSUBSCRIBE: "unsubscribe",
  DELIVERED: "delivered",
  BOUNCE: "bounce",
  DROPPED: "dropped",
  COMPLAINT: "complaint",
  FAILED: "failed",
} as const
export type MessageEventType = (typeof MessageEventType)[keyof typeof MessageEventType]

/** Why an engagement event is left out of unique counts. */
export const EngagementFlag = {
  BOT: "bot",
  APPLE_MPP: "apple_mpp",
  SCANNER: "scanner",
} as const
export type EngagementFlag = (typeof EngagementFlag)[keyof typeof EngagementFlag]

/**
 * A campaign's messages by status, and the contacts who engaged, test sends left out. Opens, clicks
 * and unsubscribes count people, not events, and leave out bots and mail scanners.
 */
export interface DeliveryStats {
  total: number
  queued: number
  sending: number
  sent: number
  delivered: number
  failed: number
  bounced: number
  opened: number
  clicked: number
  unsubscribed: number
}
