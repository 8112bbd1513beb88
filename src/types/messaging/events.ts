export const DeliveryEvents = {
  /** Messages were queued: `{ campaign_id }`. Delivery workers start at once instead of at their next tick. */
  MESSAGES_QUEUED: "marketing.messages.queued",
} as const
