import { DateTime } from "luxon"

/**
 * Quiet hours: local wall-clock times in the contact's time zone during which nothing is sent
 * ("21:00" to "08:00" crosses midnight; "12:00" to "14:00" does not). The start is quiet, the
 * end is not. Pure: the caller passes the clock.
 */
export interface QuietHours {
  start: string
  end: string
}

export interface Clock {
  hour: number
  minute: number
}

export class QuietHoursError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "QuietHoursError"
  }
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Parses "HH:MM" (24-hour, two digits each); `field` names the value in the error. */
export function parseClock(value: string, field = "time"): Clock {
  const match = CLOCK.exec(value)
  if (!match) throw new QuietHoursError(`${field} must be HH:MM, got '${value}'`)
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

/** Checks settings before they are stored, so that sending never meets a bad value. */
export function validateQuietHours(quiet: QuietHours, timezone: string): void {
  parseClock(quiet.start, "quiet_hours.start")
  parseClock(quiet.end, "quiet_hours.end")
  if (quiet.start === quiet.end) throw new QuietHoursError("quiet_hours.start and quiet_hours.end must differ")
  zoned(new Date(0), timezone) // throws for a time zone luxon does not know
}

/**
 * `now` when it is outside quiet hours in `timezone`, else the instant they end. A window whose
 * start equals its end is empty.
 */
export function nextSendableAt(now: Date, quiet: QuietHours | null, timezone: string): Date {
  if (!quiet) return now
  const start = parseClock(quiet.start, "quiet_hours.start")
  const end = parseClock(quiet.end, "quiet_hours.end")
  const quietUntil = (instant: Date) => endOfWindow(zoned(instant, timezone), start, end, instant)
  // One step, except when a daylight-saving jump skips all the time between two windows.
  let sendable = now
  for (let until = quietUntil(sendable); until; until = quietUntil(sendable)) sendable = until
  return sendable
}

/**
 * `nextSendableAt(now, quiet, timezone)` for the messages queued together at `now`, worked out once per
 * time zone: a round queues hundreds of messages, mostly in a few zones, and each answer costs a
 * time-zone conversion.
 */
export function sendableAtByZone(now: Date, quiet: QuietHours | null): (timezone: string) => Date {
  const byZone = new Map<string, Date>()
  return (timezone) => {
    let sendable = byZone.get(timezone)
    if (!sendable) byZone.set(timezone, (sendable = nextSendableAt(now, quiet, timezone)))
    return sendable
  }
}

/** When the window that `local` falls in ends, or null when `local` is outside the window. */
function endOfWindow(local: DateTime, start: Clock, end: Clock, instant: Date): Date | null {
  const current = local.hour * 60 + local.minute
  const [from, to] = [minuteOfDay(start), minuteOfDay(end)]
  const crossesMidnight = from > to
  const quiet = crossesMidnight ? current >= from || current < to : current >= from && current < to
  if (!quiet) return null
  const endDay = crossesMidnight && current >= from ? local.plus({ days: 1 }) : local
  return firstReading(endDay, end, instant)
}

const minuteOfDay = ({ hour, minute }: Clock) => hour * 60 + minute

function zoned(instant: Date, timezone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone: timezone })
  if (!local.isValid) throw new QuietHoursError(`unknown time zone '${timezone}'`)
  return local
}

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/**
 * The first instant of `day` later than `since` at which the local clock reads `end` or later.
 * Around a daylight-saving change that reading can happen twice (clocks went back: the first one
 * still ahead counts) or never (clocks jumped over it: quiet hours end with the jump).
 */
export function firstReading(day: DateTime, end: Clock, since: Date): Date {
  const { zone } = day
  // The clock reading written as if it were UTC; subtracting an offset gives a candidate instant.
  const reading = Date.UTC(day.year, day.month - 1, day.day, end.hour, end.minute)
  // Every offset the zone can have on that day; any change of offset lies between these two.
  const offsets = [zone.offset(reading - DAY_MS), zone.offset(reading + DAY_MS)]
  const candidates = offsets.map((offset) => reading - offset * MINUTE_MS)
  const real = candidates.filter((instant, index) => zone.offset(instant) === offsets[index] && instant > since.getTime())
  if (real.length > 0) return new Date(Math.min(...real))
  // Skipped: the jump lies between the two candidates; find its minute.
  let before = Math.min(...candidates)
  let after = Math.max(...candidates)
  const offsetAfter = zone.offset(after)
  while (after - before > MINUTE_MS) {
    const middle = before + Math.floor((after - before) / MINUTE_MS / 2) * MINUTE_MS
    if (zone.offset(middle) === offsetAfter) after = middle
    else before = middle
  }
  return new Date(after)
}
