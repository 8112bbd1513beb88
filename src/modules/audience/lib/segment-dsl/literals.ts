// What each kind of value may hold where it is compared: checked here, so that Postgres never sees a value it
// refuses (a refusal there is a failed query, found only when the segment is evaluated).
import type { Literal } from "./ast"
import { failAt } from "./errors"

/** Postgres `integer`, the type of orders_count; order counts are compared in it too. */
export const INTEGER_RANGE = { min: -2_147_483_648, max: 2_147_483_647 }

/** Larger decimals lose digits as JavaScript numbers; no amount of money comes close. */
export const DECIMAL_LIMIT = 1e15

/** Durations and day counts reach back at most 100 years, so `now()` minus one is always a timestamp. */
export const MAX_DAYS = 36_500

export const DATE_RANGE = { first: "0001-01-01", last: "9999-12-31" }

const DAY_SECONDS = 86_400

/** Postgres text cannot hold U+0000, and jsonb (the audit log keeps segments in it) no half of a surrogate pair. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|([+-])(\d{2}):?(\d{2}))?)?$/

const refuse = (literal: Literal, field: string, range: string): never =>
  failAt(literal.at, `'${field}' compares with ${range}, not ${literal.at.text}`, [range])

export function textValue(literal: Literal): string {
  const index = literal.at.text.search(UNSTORABLE)
  if (index >= 0) {
    const at = { ...literal.at, col: literal.at.col + index, offset: literal.at.offset + index }
    const code = `U+${literal.at.text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}`
    failAt(at, `text cannot contain ${code}: it cannot be stored`, ["text without U+0000 or unpaired surrogates"])
  }
  return literal.value as string
}

/** A whole number in Postgres's integer range: a fraction or a larger number is refused, never rounded. */
export function integerValue(literal: Literal, field: string): number {
  const value = literal.value as number
  if (!Number.isInteger(value) || value < INTEGER_RANGE.min || value > INTEGER_RANGE.max) {
    refuse(literal, field, `a whole number from ${INTEGER_RANGE.min} to ${INTEGER_RANGE.max}`)
  }
  return value
}

export function decimalValue(literal: Literal, field: string): number {
  const value = literal.value as number
  if (!(Math.abs(value) <= DECIMAL_LIMIT)) refuse(literal, field, `a number from -${DECIMAL_LIMIT} to ${DECIMAL_LIMIT}`)
  return value
}

/** Whole days, written as a number or as a duration of whole days (`2w`, `48h`). */
export function dayCount(literal: Literal, field: string): number {
  const days = literal.kind === "duration" ? (literal.value as number) / DAY_SECONDS : (literal.value as number)
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    refuse(literal, field, `whole days from 0 to ${MAX_DAYS}, e.g. 90 or 2w`)
  }
  return days
}

export function durationSeconds(literal: Literal): number {
  const seconds = literal.value as number
  if (!(seconds <= MAX_DAYS * DAY_SECONDS)) {
    const range = `a duration up to ${MAX_DAYS}d (100 years)`
    failAt(literal.at, `durations run up to ${MAX_DAYS}d (100 years), not ${literal.at.text}`, [range])
  }
  return seconds
}

/**
 * The UTC instant a date literal starts at, as ISO text, and whether it means that whole day. A time
 * without a zone is UTC, like a date without a time.
 */
export function dateValue(literal: Literal): { iso: string; wholeDay: boolean } {
  const text = literal.value as string
  const [, y, mo, d, h = "0", mi = "0", s = "0", fraction = "", , sign, zh = "0", zm = "0"] = DATE.exec(text) ?? []
  const date = new Date(0)
  if (y) date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  const valid =
    y &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    Number(h) < 24 &&
    Number(mi) < 60 &&
    Number(s) < 60 &&
    Number(zh) < 24 &&
    Number(zm) < 60
  if (!valid) failAt(literal.at, `'${text}' is not a valid date`, ["a date such as 2026-01-31"])
  const offsetMinutes = sign ? (sign === "-" ? -1 : 1) * (Number(zh) * 60 + Number(zm)) : 0
  date.setUTCHours(Number(h), Number(mi) - offsetMinutes, Number(s))
  const first = Date.parse(`${DATE_RANGE.first}T00:00:00Z`)
  const last = Date.parse(`${DATE_RANGE.last}T23:59:59.999Z`)
  if (date.getTime() < first || date.getTime() > last) {
    const range = `a date from ${DATE_RANGE.first} to ${DATE_RANGE.last}`
    failAt(literal.at, `'${text}' is outside the dates segments take, ${DATE_RANGE.first} to ${DATE_RANGE.last} (UTC)`, [range])
  }
  return { iso: `${date.toISOString().slice(0, 19)}${fraction}Z`, wholeDay: !text.includes("T") }
}
