export const AudienceEvents = {
  /** A segment's definition or snapshot changed: `{ id }`. */
  SEGMENT_CHANGED: "marketing.segment.changed",
  /** Contacts' profile or aggregates changed: `{ ids }`, one event per batch rather than per contact. */
  CONTACTS_CHANGED: "marketing.contacts.changed",
  /** A double opt-in was confirmed: `{ contact_id, channel }`. */
  SUBSCRIPTION_CONFIRMED: "marketing.subscription.confirmed",
} as const
