import type { ConsentStatus, ContactSource } from "../../types/audience"
import type { SuppressionReason } from "../types/contacts"

type BadgeColor = "green" | "red" | "orange" | "grey"

/** How each consent status reads in badges and filters. */
export const CONSENT_STATUSES: Record<ConsentStatus, { label: string; color: BadgeColor }> = {
  subscribed: { label: "Subscribed", color: "green" },
  pending: { label: "Pending", color: "orange" },
  unsubscribed: { label: "Unsubscribed", color: "red" },
}

export const CONSENT_CHANNELS = {
  email: "Email",
  sms: "SMS",
} as const

export const CONTACT_SOURCES: Record<ContactSource, string> = {
  customer: "Customer",
  subscribe: "Sign-up form",
  import: "Import",
  manual: "Added by hand",
}

export { contactName } from "../../lib/contact-name"

export const SUPPRESSION_REASONS: Record<SuppressionReason, string> = {
  manual: "Added by hand",
  bounce: "Bounced",
  complaint: "Spam complaint",
  unsubscribe: "Unsubscribed",
}
