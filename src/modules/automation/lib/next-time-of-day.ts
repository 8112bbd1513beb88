import { DateTime } from "luxon"
import { firstReading, parseClock } from "../../messaging/lib/quiet-hours"

/**
 * The next instant after `now` at which the clock in `timezone` reads `time` ("HH:MM"): later
 * today when that is still ahead, else tomorrow. Daylight-saving jumps are handled as quiet
 * hours handle them: a skipped reading happens with the jump, a repeated one the first time.
 */
export function nextTimeOfDay(now: Date, time: string, timezone: string): Date {
  const clock = parseClock(time)
  const local = DateTime.fromJSDate(now, { zone: timezone })
  if (!local.isValid) throw new Error(`unknown time zone '${timezone}'`)
  const passed = local.hour * 60 + local.minute >= clock.hour * 60 + clock.minute
  return firstReading(passed ? local.plus({ days: 1 }) : local, clock, now)
}
