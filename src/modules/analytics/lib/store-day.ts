import { DateTime } from "luxon"

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in the store's timezone: what the daily rollup
 * counts it under. PostgreSQL's `to_char(at AT TIME ZONE tz, 'YYYY-MM-DD')` computes the same.
 */
export function storeDay(at: Date, timezone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timezone })
  if (!local.isValid) throw new RangeError(`Not a timezone: ${timezone}`)
  return local.toISODate()!
}
