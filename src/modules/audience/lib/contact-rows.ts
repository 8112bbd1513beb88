import { parsePhoneNumberFromString } from "libphonenumber-js"
import { isValidTimezone } from "../../campaign/lib/schedule"
import { ConsentStatus } from "../../../types/audience/module"
import { normaliseEmail } from "./commerce-facts"

/** The columns a contacts CSV may have; `metadata.<key>` columns fill the metadata. */
export const CONTACT_COLUMNS = [
  "email",
  "phone",
  "first_name",
  "last_name",
  "country",
  "timezone",
  "email_consent",
  "sms_consent",
] as const

export interface RowProblem {
  line: number
  field: string
  reason: string
}

export interface ImportedContact {
  email: string | null
  phone: string | null
  first_name?: string
  last_name?: string
  country_code?: string
  timezone?: string
  email_consent?: ConsentStatus
  sms_consent?: ConsentStatus
  metadata?: Record<string, string>
}

/** What the plugin accepts as an email address: something@somewhere.tld, no spaces. */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const CONSENT = new Set<string>(Object.values(ConsentStatus))

/** Columns the header names that the importer does not know; empty when the header is usable. */
export function unknownColumns(header: string[]): string[] {
  return header.filter((c) => !(CONTACT_COLUMNS as readonly string[]).includes(c) && !/^metadata\.[\w-]+$/.test(c))
}

/**
 * One CSV record as a contact, or the problems that reject it. Blank cells mean "leave as is".
 * `defaultCountry` lets national phone numbers be read (e.g. DE for 0151 1234567).
 */
export function parseContactRow(
  record: Record<string, string | undefined>,
  line: number,
  { defaultCountry }: { defaultCountry?: string } = {}
): { contact: ImportedContact; problems: [] } | { contact: null; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const cell = (name: string) => record[name]?.trim() || undefined
  const problem = (field: string, reason: string) => problems.push({ line, field, reason })

  const rawEmail = cell("email")
  const email = rawEmail ? normaliseEmail(rawEmail) : null
  if (email && !EMAIL_ADDRESS.test(email)) problem("email", `'${rawEmail}' is not an email address`)

  const rawPhone = cell("phone")
  let phone: string | null = null
  if (rawPhone) {
    const parsed = parsePhoneNumberFromString(rawPhone, defaultCountry?.toUpperCase() as any)
    if (parsed?.isValid()) phone = parsed.number
    else problem("phone", `'${rawPhone}' is not a valid phone number (use +<country code><number>)`)
  }
  if (!rawEmail && !rawPhone) problem("email", "a contact needs an email or a phone")

  const contact: ImportedContact = { email, phone }
  const first = cell("first_name")
  const last = cell("last_name")
  if (first) contact.first_name = first.slice(0, 255)
  if (last) contact.last_name = last.slice(0, 255)

  const country = cell("country")
  if (country) {
    if (/^[A-Za-z]{2}$/.test(country)) contact.country_code = country.toLowerCase()
    else problem("country", `'${country}' is not a two-letter country code such as DE`)
  }
  const timezone = cell("timezone")
  if (timezone) {
    if (isValidTimezone(timezone)) contact.timezone = timezone
    else problem("timezone", `'${timezone}' is not an IANA timezone such as Europe/Berlin`)
  }
  for (const field of ["email_consent", "sms_consent"] as const) {
    const value = cell(field)?.toLowerCase()
    if (!value) continue
    if (CONSENT.has(value)) contact[field] = value as ConsentStatus
    else problem(field, `'${value}' is not one of subscribed, unsubscribed, pending`)
  }
  if (contact.email_consent && !email && !problems.some((p) => p.field === "email")) {
    problem("email_consent", "email consent needs an email")
  }
  if (contact.sms_consent && !phone && !problems.some((p) => p.field === "phone")) {
    problem("sms_consent", "sms consent needs a phone")
  }
  const metadata = Object.fromEntries(
    Object.keys(record)
      .filter((key) => key.startsWith("metadata.") && cell(key))
      .map((key) => [key.slice("metadata.".length), cell(key)!])
  )
  if (Object.keys(metadata).length) contact.metadata = metadata

  return problems.length ? { contact: null, problems } : { contact, problems: [] }
}

/** Rows of one batch with the same email or phone become one contact: later cells win. */
export function mergeDuplicates(contacts: ImportedContact[]): ImportedContact[] {
  const merged: ImportedContact[] = []
  const byKey = new Map<string, ImportedContact>()
  for (const contact of contacts) {
    const keys = [contact.email && `e:${contact.email}`, contact.phone && `p:${contact.phone}`].filter(Boolean) as string[]
    const existing = keys.map((k) => byKey.get(k)).find(Boolean)
    if (existing) {
      const metadata = existing.metadata || contact.metadata ? { ...existing.metadata, ...contact.metadata } : undefined
      Object.assign(existing, Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== null && v !== undefined)))
      if (metadata) existing.metadata = metadata
      keys.forEach((k) => byKey.set(k, existing))
    } else {
      const copy = { ...contact }
      merged.push(copy)
      keys.forEach((k) => byKey.set(k, copy))
    }
  }
  return merged
}
