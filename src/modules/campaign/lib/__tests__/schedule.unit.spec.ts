import { cronProblem, isValidTimezone, latestRun, nextRuns } from "../schedule"

describe("recurring schedules", () => {
  it.each(["0 9 * * 1", "30 8 1 * *", "0 */2 * * *", "@daily", "@weekly", "0 9 * * MON-FRI"])(
    "accepts %s",
    (cron) => {
      expect(cronProblem(cron)).toBeNull()
    }
  )

  it.each([
    ["", "must have five fields"],
    ["0 9 * *", "must have five fields"],
    ["0 0 9 * * 1", "must have five fields"],
    ["not a cron at all", "Invalid characters"],
    ["61 * * * *", "61"],
    ["0 25 * * *", "25"],
    ["* * * * *", "more often than once an hour"],
    ["*/15 * * * *", "more often than once an hour"],
    ["0,30 9 * * *", "more often than once an hour"],
  ])("refuses %j", (cron, message) => {
    expect(cronProblem(cron)).toContain(message)
  })

  it("computes run times in the schedule's timezone", () => {
    const from = new Date("2026-03-01T00:00:00Z")
    expect(nextRuns("0 9 * * *", "Europe/Berlin", from, 1)[0].toISOString()).toBe("2026-03-01T08:00:00.000Z")
    expect(nextRuns("0 9 * * *", "America/New_York", from, 1)[0].toISOString()).toBe("2026-03-01T14:00:00.000Z")
  })

  it.each([
    ["just after a run", "2026-03-02T08:00:30Z", "2026-03-02T08:00:00.000Z"],
    ["exactly at a run", "2026-03-02T08:00:00Z", "2026-03-02T08:00:00.000Z"],
    ["just before a run", "2026-03-02T07:59:59Z", "2026-03-01T08:00:00.000Z"],
  ])("finds the latest run %s, the occurrence a recurring send is for", (_, now, expected) => {
    expect(latestRun("0 9 * * *", "Europe/Berlin", new Date(now)).toISOString()).toBe(expected)
  })

  it("follows daylight saving time", () => {
    const [before, after] = nextRuns("0 9 * * 0", "Europe/Berlin", new Date("2026-03-22T12:00:00Z"), 2)
    expect(before.toISOString()).toBe("2026-03-29T07:00:00.000Z")
    expect(after.toISOString()).toBe("2026-04-05T07:00:00.000Z")
  })

  it("recognises IANA timezones", () => {
    expect(isValidTimezone("Europe/Berlin")).toBe(true)
    expect(isValidTimezone("UTC")).toBe(true)
    expect(isValidTimezone("Mars/Olympus")).toBe(false)
    expect(isValidTimezone("")).toBe(false)
  })
})
