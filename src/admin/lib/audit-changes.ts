import type { FieldChanges } from "../../types/audit"
import { formatDateTime } from "./format"

export interface FieldChange {
  field: string
  from: unknown
  to: unknown
}

// Medusa stores each amount twice: `budget_amount` and `raw_budget_amount` ({ value, precision }). The raw
// twin says nothing more to a person, so it is left out.
const isRawTwin = (field: string, changes: FieldChanges) =>
  field.startsWith("raw_") && field.slice(4) in changes

/** An entry's changed fields, in a stable order. */
export function listChanges(changes: FieldChanges | null): FieldChange[] {
  if (!changes) return []
  return Object.entries(changes)
    .filter(([field]) => !isRawTwin(field, changes))
    .map(([field, { from, to }]) => ({ field, from, to }))
    // E.g. a new segment's members, from none to an empty list: nothing a person would call a change.
    .filter(({ from, to }) => formatChangeValue(from) !== null || formatChangeValue(to) !== null)
    .sort((a, b) => a.field.localeCompare(b.field))
}

const ACRONYMS = new Set(["dsl", "id", "ip", "sms", "url"])

/** "scheduled_at" reads "Scheduled at", "user_id" reads "User ID". */
export const fieldLabel = (field: string) => {
  const words = field.split(/[_.]/).map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
  const text = words.join(" ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/

/** A value as text; null for none. Times read as times, lists and objects as indented JSON. */
export function formatChangeValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null
  if (Array.isArray(value) && !value.length) return null
  if (typeof value === "string") return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value
  if (typeof value === "number" || typeof value === "boolean") return String(value)
  return JSON.stringify(value, null, 2)
}

const SHORT_VALUE = 24
const SUMMARY_FIELDS = 3

/**
 * One line for a table cell: a single short change in full ("Status: draft → scheduled"), otherwise
 * the names of what changed ("Name, Subject, Body +2").
 */
export function summarizeChanges(changes: FieldChanges | null): string | null {
  const list = listChanges(changes)
  if (!list.length) return null
  if (list.length === 1) {
    const [{ field, from, to }] = list
    const before = formatChangeValue(from)
    const after = formatChangeValue(to)
    const isShort = (text: string | null) => !text || (text.length <= SHORT_VALUE && !text.includes("\n"))
    if (isShort(before) && isShort(after)) {
      return `${fieldLabel(field)}: ${before ?? "–"} → ${after ?? "–"}`
    }
  }
  const names = list.slice(0, SUMMARY_FIELDS).map(({ field }) => fieldLabel(field))
  const more = list.length - SUMMARY_FIELDS
  return more > 0 ? `${names.join(", ")} +${more}` : names.join(", ")
}
