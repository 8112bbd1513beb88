import { CronExpressionParser } from "cron-parser"

/** A recurring campaign may not go out more often than this: more is spam, not marketing. */
export const MIN_INTERVAL_MS = 60 * 60 * 1000

const ALIASES = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly"])

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone })
    return true
  } catch {
    return false
  }
}

/** Why a cron expression cannot schedule a campaign, or null when it can. */
export function cronProblem(cron: string, timezone = "UTC"): string | null {
  const expression = cron.trim()
  if (!ALIASES.has(expression) && expression.split(/\s+/).length !== 5) {
    return "must have five fields (minute hour day-of-month month day-of-week)"
  }
  let runs: Date[]
  try {
    runs = nextRuns(expression, timezone, new Date(), 12)
  } catch (error) {
    return (error as Error).message
  }
  for (let i = 1; i < runs.length; i++) {
    if (runs[i].getTime() - runs[i - 1].getTime() < MIN_INTERVAL_MS) {
      return "runs more often than once an hour"
    }
  }
  return null
}

/** The next `count` run times of a schedule after `from`, in UTC instants. */
export function nextRuns(cron: string, timezone: string, from: Date, count: number): Date[] {
  const expression = CronExpressionParser.parse(cron.trim(), { tz: timezone, currentDate: from })
  return expression.take(count).map((date) => date.toDate())
}

/** The latest run time of a schedule at or before `now`: the occurrence a recurring send is for. */
export function latestRun(cron: string, timezone: string, now: Date): Date {
  // cron-parser's prev() is strictly before currentDate: start a millisecond later to include `now`.
  const expression = CronExpressionParser.parse(cron.trim(), { tz: timezone, currentDate: new Date(now.getTime() + 1) })
  return expression.prev().toDate()
}
