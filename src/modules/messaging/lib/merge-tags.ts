/**
 * Every variable a message template sees, with what it holds: the one list that the renderer's
 * variables (templateVariables), the docs and the admin's merge-tag picker are checked against.
 * Plain data, so that the admin can bundle it.
 */
export interface MergeTag {
  /** As written in a template, without the braces: `contact.first_name`. */
  name: string
  label: string
  description: string
}

/**
 * The contact fields templates see as `contact.*`, read from the contact's stored record, with what
 * a made-up contact holds in them for previews.
 */
export const CONTACT_MERGE_FIELDS = [
  { field: "first_name", label: "First name", description: "The contact's first name; empty when unknown.", sample: "Alex" },
  { field: "last_name", label: "Last name", description: "The contact's last name; empty when unknown.", sample: "Morgan" },
  { field: "email", label: "Email", description: "The contact's email address.", sample: "alex.morgan@example.com" },
  { field: "phone", label: "Phone", description: "The contact's phone number.", sample: "+4915100000000" },
  { field: "country_code", label: "Country", description: "The contact's two-letter country code.", sample: "de" },
  { field: "orders_count", label: "Orders", description: "How many orders the contact has placed.", sample: 3 },
  { field: "total_spent", label: "Total spent", description: "What the contact has spent in all, as a plain number.", sample: 249.5 },
  { field: "first_order_at", label: "First order", description: "When the contact ordered first (ISO date-time).", sample: "2026-01-12T10:00:00.000Z" },
  { field: "last_order_at", label: "Last order", description: "When the contact ordered last (ISO date-time).", sample: "2026-05-03T17:30:00.000Z" },
  { field: "id", label: "Contact id", description: "The contact's id in the marketing module.", sample: "sample" },
  { field: "metadata", label: "Metadata", description: "The contact's own fields: {{ contact.metadata.tier }}.", sample: {} },
] as const

/** A made-up contact, for a preview that shows what the merge tags become without anyone's data. */
export const SAMPLE_CONTACT: Record<string, unknown> = Object.fromEntries(
  CONTACT_MERGE_FIELDS.map(({ field, sample }) => [field, sample])
)

/** What a sample preview shows for the recipient's own code. */
export const SAMPLE_PROMOTION_CODE = "SAMPLE-CODE"

export const MERGE_TAGS: readonly MergeTag[] = [
  ...CONTACT_MERGE_FIELDS.map(({ field, label, description }) => ({ name: `contact.${field}`, label, description })),
  { name: "campaign.name", label: "Campaign name", description: "The campaign's name." },
  { name: "campaign.subject", label: "Campaign subject", description: "The campaign's subject, as written." },
  {
    name: "promotion_code",
    label: "Promotion code",
    description: "The contact's own code of the campaign's promotion; empty until one is assigned.",
  },
  { name: "unsubscribe_url", label: "Unsubscribe link", description: "The contact's one-click unsubscribe link." },
]

/** How a tag is written into a template: `{{ contact.first_name }}`. */
export const mergeTagSource = (name: string) => `{{ ${name} }}`
