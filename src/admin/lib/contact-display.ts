import type { ConsentStatus, ContactSource } from "../../types/audience"
import type { AdminContact, SuppressionReason } from "../types/contacts"

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

/** The contact's full name, else its email, else its phone: whatever identifies them to a person. */
export const contactName = (contact: Pick<AdminContact, "first_name" | "last_name" | "email" | "phone">) =>
  [contact.first_name, contact.last_name].filter(Boolean).join(" ") || contact.email || contact.phone || null

export const SUPPRESSION_REASONS: Record<SuppressionReason, string> = {
  manual: "Added by hand",
  bounce: "Bounced",
  complaint: "Spam complaint",
  unsubscribe: "Unsubscribed",
}
