import { cronProblem, nextRuns } from "../../modules/campaign/lib/schedule"

/**
 * The next `count` times a schedule goes out, written in the schedule's own timezone (which is where the
 * admin chose the time); empty while the schedule is not one the server would take.
 */
export function upcomingRuns(cron: string, timezone: string, now = new Date(), count = 3): string[] {
  if (!cron.trim() || cronProblem(cron, timezone)) return []
  try {
    const format = new Intl.DateTimeFormat(undefined, {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: timezone,
    })
    return nextRuns(cron, timezone, now, count).map((run) => format.format(run))
  } catch {
    return []
  }
}
