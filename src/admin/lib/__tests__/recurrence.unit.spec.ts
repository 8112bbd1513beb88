import {
  cronToRecurrence,
  DEFAULT_RECURRENCE,
  describeSchedule,
  Recurrence,
  recurrenceToCron,
  timezoneCity,
  withFrequency,
} from "../recurrence"
import { upcomingRuns } from "../upcoming-runs"

describe("recurrenceToCron and cronToRecurrence", () => {
  const shapes: [Recurrence, string][] = [
    [{ frequency: "daily", time: "07:05" }, "5 7 * * *"],
    [{ frequency: "weekly", weekdays: [1], time: "09:00" }, "0 9 * * 1"],
    [{ frequency: "weekly", weekdays: [1, 3, 5], time: "18:30" }, "30 18 * * 1,3,5"],
    [{ frequency: "weekly", weekdays: [6, 0], time: "10:00" }, "0 10 * * 6,0"],
    [{ frequency: "monthly", dayOfMonth: 15, time: "00:00" }, "0 0 15 * *"],
  ]

  it.each(shapes)("writes %j as %s and reads it back", (recurrence, cron) => {
    expect(recurrenceToCron(recurrence)).toBe(cron)
    expect(cronToRecurrence(cron)).toEqual(recurrence)
  })

  it("orders weekdays Monday first whatever order they were picked in", () => {
    expect(recurrenceToCron({ frequency: "weekly", weekdays: [0, 5, 1], time: "09:00" })).toBe("0 9 * * 1,5,0")
    expect(cronToRecurrence("0 9 * * 7,1")).toEqual({ frequency: "weekly", weekdays: [1, 0], time: "09:00" })
  })

  it("leaves to the custom field what the builder cannot show", () => {
    for (const cron of [
      "*/15 9 * * *",
      "0 9-17 * * *",
      "0 9 * 1 *",
      "0 9 1 * 1",
      "0 9 * * 1-5",
      "0 9 1,15 * *",
      "0 24 * * *",
      "60 9 * * *",
      "0 9 32 * *",
      "0 9 * * 1,8",
      "0 9 * * 0,7",
      "@weekly",
      "0 9 * *",
      "",
    ]) {
      expect(cronToRecurrence(cron)).toBeNull()
    }
  })

  it("keeps the time and the chosen day when the frequency changes", () => {
    const weekly: Recurrence = { frequency: "weekly", weekdays: [2, 4], time: "08:15" }
    expect(withFrequency(weekly, "daily")).toEqual({ frequency: "daily", time: "08:15" })
    expect(withFrequency(weekly, "weekly")).toEqual(weekly)
    expect(withFrequency(weekly, "monthly")).toEqual({ frequency: "monthly", dayOfMonth: 1, time: "08:15" })
    expect(withFrequency({ frequency: "monthly", dayOfMonth: 9, time: "08:15" }, "weekly")).toEqual({
      frequency: "weekly",
      weekdays: [1],
      time: "08:15",
    })
    expect(recurrenceToCron(DEFAULT_RECURRENCE)).toBe("0 9 * * 1")
  })
})

describe("describeSchedule", () => {
  it("reads the builder's shapes in its own words, with the timezone's city", () => {
    expect(describeSchedule("0 9 * * 1", "Europe/Berlin")).toBe("Every Monday at 09:00 (Berlin)")
    expect(describeSchedule("30 18 * * 1,3,5", "America/New_York")).toBe(
      "Every Monday, Wednesday and Friday at 18:30 (New York)"
    )
    expect(describeSchedule("0 10 * * 6,0", "UTC")).toBe("Every Saturday and Sunday at 10:00 (UTC)")
    expect(describeSchedule("5 7 * * *", null)).toBe("Every day at 07:05")
    expect(describeSchedule("0 8 1 * *", "Asia/Tokyo")).toBe("Every month on the 1st at 08:00 (Tokyo)")
    expect(describeSchedule("0 8 22 * *")).toBe("Every month on the 22nd at 08:00")
    expect(describeSchedule("0 8 13 * *")).toBe("Every month on the 13th at 08:00")
  })

  it("reads any other cron expression in cronstrue's words, and one it cannot read as written", () => {
    expect(describeSchedule("0 9 * * 1-5", "Europe/Berlin")).toBe("At 09:00, Monday through Friday (Berlin)")
    expect(describeSchedule("not a cron", "UTC")).toBe("not a cron (UTC)")
  })

  it("names a timezone by its last part", () => {
    expect(timezoneCity("America/Argentina/Buenos_Aires")).toBe("Buenos Aires")
    expect(timezoneCity("UTC")).toBe("UTC")
  })
})

describe("upcomingRuns", () => {
  it("lists the next three runs in the schedule's timezone", () => {
    const now = new Date("2026-12-06T12:00:00Z") // a Sunday
    const runs = upcomingRuns("0 9 * * 1", "Europe/Berlin", now)
    expect(runs).toHaveLength(3)
    // 09:00 in Berlin, not the 08:00 UTC the instant is; the order of the parts follows the locale.
    for (const [run, day] of runs.map((run, i) => [run, 7 + 7 * i] as const)) {
      expect(run).toMatch(/Mon/)
      expect(run).toMatch(new RegExp(`\\b${day}\\b`))
      expect(run).toMatch(/\b09:00\b/)
    }
  })

  it("is empty while the expression or the timezone is not valid", () => {
    expect(upcomingRuns("", "UTC")).toEqual([])
    expect(upcomingRuns("0 9 * *", "UTC")).toEqual([])
    expect(upcomingRuns("0 9 * * 1", "Mars/Olympus")).toEqual([])
  })
})
