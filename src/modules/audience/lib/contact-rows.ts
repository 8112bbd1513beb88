import { parsePhoneNumberFromString } from "libphonenumber-js"
import { isValidTimezone } from "../../campaign/lib/schedule"
import { ConsentStatus } from "../../../types/audience/module"
import { normaliseEmail } from "./commerce-facts"
import { clip, controlCharacterIn } from "./storable-text"

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
/** The longest address SMTP carries (RFC 5321); longer ones could not be indexed either. */
const MAX_EMAIL = 254
const MAX_NAME = 255
const MAX_METADATA_VALUE = 1_000
/** A rejected cell is quoted in its reason this far: a report holds many reasons. */
const QUOTED = 60
const quote = (value: string) => `'${clip(value, QUOTED)}'`

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
  const problem = (field: string, reason: string) => problems.push({ line, field, reason })
  const unstorable = new Set<string>()
  for (const [field, value] of Object.entries(record)) {
    const control = value && controlCharacterIn(value)
    if (!control) continue
    problem(field, `contains the control character ${control}`)
    unstorable.add(field)
  }
  const present = (name: string) => Boolean(record[name]?.trim())
  const cell = (name: string) => (unstorable.has(name) ? undefined : record[name]?.trim() || undefined)
  const text = (name: string, max: number) => {
    const value = cell(name)
    if (!value || value.length <= max) return value
    problem(name, `is longer than ${max.toLocaleString("en")} characters`)
    return undefined
  }

  const rawEmail = cell("email")
  const email = rawEmail ? normaliseEmail(rawEmail) : null
  if (email && email.length > MAX_EMAIL) problem("email", `is longer than ${MAX_EMAIL} characters`)
  else if (email && !EMAIL_ADDRESS.test(email)) problem("email", `${quote(rawEmail!)} is not an email address`)

  const rawPhone = cell("phone")
  let phone: string | null = null
  if (rawPhone) {
    const parsed = parsePhoneNumberFromString(rawPhone, defaultCountry?.toUpperCase() as any)
    if (parsed?.isValid()) phone = parsed.number
    else problem("phone", `${quote(rawPhone)} is not a valid phone number (use +<country code><number>)`)
  }
  if (!present("email") && !present("phone")) problem("email", "a contact needs an email or a phone")

  const contact: ImportedContact = { email, phone }
  const first = text("first_name", MAX_NAME)
  const last = text("last_name", MAX_NAME)
  if (first) contact.first_name = first
  if (last) contact.last_name = last

  const country = cell("country")
  if (country) {
    if (/^[A-Za-z]{2}$/.test(country)) contact.country_code = country.toLowerCase()
    else problem("country", `${quote(country)} is not a two-letter country code such as DE`)
  }
  const timezone = cell("timezone")
  if (timezone) {
    if (isValidTimezone(timezone)) contact.timezone = timezone
    else problem("timezone", `${quote(timezone)} is not an IANA timezone such as Europe/Berlin`)
  }
  for (const field of ["email_consent", "sms_consent"] as const) {
    const value = cell(field)?.toLowerCase()
    if (!value) continue
    if (CONSENT.has(value)) contact[field] = value as ConsentStatus
    else problem(field, `${quote(value)} is not one of subscribed, unsubscribed, pending`)
  }
  if (contact.email_consent && !email && !problems.some((p) => p.field === "email")) {
    problem("email_consent", "email consent needs an email")
  }
  if (contact.sms_consent && !phone && !problems.some((p) => p.field === "phone")) {
    problem("sms_consent", "sms consent needs a phone")
  }
  const metadata = Object.fromEntries(
    Object.keys(record)
      .filter((key) => key.startsWith("metadata."))
      .map((key) => [key.slice("metadata.".length), text(key, MAX_METADATA_VALUE)])
      .filter(([, value]) => value)
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
