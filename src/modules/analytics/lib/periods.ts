import { DateTime, DateTimeUnit } from "luxon"

export type Granularity = "hour" | "day" | "week" | "month"

/** A half-open interval of instants [from, to). */
export interface Period {
  from: Date
  to: Date
}

/** One bucket of a chart: its interval and its label in the store's timezone. */
export interface Bucket extends Period {
  label: string
}

// Weeks start on Monday (ISO 8601), whatever the locale.
const UNIT: Record<Granularity, DateTimeUnit> = { hour: "hour", day: "day", week: "week", month: "month" }
// An hour's label carries its offset: the hour repeated when clocks go back is two buckets.
const LABEL: Record<Granularity, string> = { hour: "yyyy-MM-dd'T'HH:00ZZ", day: "yyyy-MM-dd", week: "kkkk-'W'WW", month: "yyyy-MM" }

const local = (at: Date, timezone: string) => {
  const time = DateTime.fromJSDate(at, { zone: timezone })
  if (!time.isValid) throw new RangeError(`Not a timezone: ${timezone}`)
  return time
}

function checkPeriod({ from, to }: Period) {
  if (!(from.getTime() < to.getTime())) throw new RangeError("A period must end after it starts")
}

/**
 * The buckets that cover a period, in the store's timezone: each starts at the local start of its
 * hour, day, week or month (a day across a DST change lasts 23 or 25 hours), the first and last
 * clipped to the period.
 */
export function bucketsOf(period: Period, granularity: Granularity, timezone: string): Bucket[] {
  checkPeriod(period)
  const unit = UNIT[granularity]
  const buckets: Bucket[] = []
  let start = local(period.from, timezone).startOf(unit)
  while (start.toMillis() < period.to.getTime()) {
    const end = start.plus({ [unit]: 1 })
    buckets.push({
      from: new Date(Math.max(start.toMillis(), period.from.getTime())),
      to: new Date(Math.min(end.toMillis(), period.to.getTime())),
      label: start.toFormat(LABEL[granularity]),
    })
    start = end
  }
  return buckets
}

const DAY_MS = 86_400_000

/**
 * The label of the bucket a store day (YYYY-MM-DD) falls in, to group daily rollup rows by week or
 * month: the same labels as bucketsOf's. Plain date arithmetic, not luxon: a year's series labels
 * thousands of rows, and luxon took a dashboard's series 70 ms.
 */
export function bucketOfDay(day: string, granularity: Exclude<Granularity, "hour">): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== day) throw new RangeError(`Not a day: ${day}`)
  if (granularity === "day") return day
  if (granularity === "month") return day.slice(0, 7)
  // An ISO week belongs to the year of its Thursday, and is numbered from that year's first Thursday's week.
  const thursday = new Date(at + (3 - ((new Date(at).getUTCDay() + 6) % 7)) * DAY_MS)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS))
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`
}

/** The store days (YYYY-MM-DD) a period touches: the daily rollup rows to read for it. */
export function daysOf(period: Period, timezone: string): { first: string; last: string } {
  checkPeriod(period)
  return {
    first: local(period.from, timezone).toISODate()!,
    last: local(new Date(period.to.getTime() - 1), timezone).toISODate()!,
  }
}

/**
 * The period to compare with: the one just before, of the same length in the store's calendar. Whole
 * months go back by months (March compares with February), whole days by days (a week across a DST
 * change still compares with the seven days before), anything else by its duration.
 */
export function previousPeriod(period: Period, timezone: string): Period {
  checkPeriod(period)
  const from = local(period.from, timezone)
  const to = local(period.to, timezone)
  const whole = (unit: DateTimeUnit) => from.startOf(unit).equals(from) && to.startOf(unit).equals(to)
  for (const unit of ["month", "day"] as const) {
    if (whole(unit)) {
      const count = Math.round(to.diff(from, unit).get(unit))
      return { from: from.minus({ [unit]: count }).toJSDate(), to: period.from }
    }
  }
  return { from: new Date(2 * period.from.getTime() - period.to.getTime()), to: period.from }
}
