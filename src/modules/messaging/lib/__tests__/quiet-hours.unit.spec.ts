import fc from "fast-check"
import { nextSendableAt, QuietHours, parseClock, QuietHoursError, sendableAtByZone, validateQuietHours } from "../quiet-hours"

const NIGHT = { start: "21:00", end: "08:00" }
const LUNCH = { start: "12:00", end: "14:00" }

const at = (iso: string) => new Date(iso)

describe("parseClock", () => {
  it.each([
    ["00:00", { hour: 0, minute: 0 }],
    ["08:05", { hour: 8, minute: 5 }],
    ["19:30", { hour: 19, minute: 30 }],
    ["23:59", { hour: 23, minute: 59 }],
  ])("%s", (value, clock) => {
    expect(parseClock(value)).toEqual(clock)
  })

  it.each(["24:00", "8:00", "08:60", "0800", " 08:00", "08:00 ", "", "ab:cd", "08:00:00", "-1:00", "08.00"])("refuses %j", (value) => {
    expect(() => parseClock(value, "quiet_hours.start")).toThrow(
      new QuietHoursError(`quiet_hours.start must be HH:MM, got '${value}'`)
    )
  })

  it("calls the value 'time' unless told its name", () => {
    expect(() => parseClock("25:00")).toThrow("time must be HH:MM, got '25:00'")
  })
})

describe("validateQuietHours", () => {
  it("accepts a window in a known time zone", () => {
    expect(() => validateQuietHours(NIGHT, "Europe/Berlin")).not.toThrow()
  })

  it.each([
    [{ start: "9pm", end: "08:00" }, "UTC", "quiet_hours.start must be HH:MM, got '9pm'"],
    [{ start: "21:00", end: "8" }, "UTC", "quiet_hours.end must be HH:MM, got '8'"],
    [{ start: "21:00", end: "21:00" }, "UTC", "quiet_hours.start and quiet_hours.end must differ"],
    [NIGHT, "Mars/Olympus_Mons", "unknown time zone 'Mars/Olympus_Mons'"],
  ])("refuses %j in %s", (quiet, timezone, message) => {
    let thrown: unknown
    try {
      validateQuietHours(quiet, timezone)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(QuietHoursError)
    expect((thrown as Error).message).toBe(message)
  })
})

/** Every expectation below holds for one message alone and for a round's messages sharing `now`. */
const sendableAtOfOne = {
  nextSendableAt,
  "sendableAtByZone, asked once": (now: Date, quiet: QuietHours | null, timezone: string) => sendableAtByZone(now, quiet)(timezone),
  "sendableAtByZone, asked after other zones and again": (now: Date, quiet: QuietHours | null, timezone: string) => {
    const sendableAt = sendableAtByZone(now, quiet)
    for (const other of ["UTC", "Asia/Kolkata", "America/Santiago"]) if (other !== timezone) sendableAt(other)
    sendableAt(timezone)
    return sendableAt(timezone)
  },
}

describe.each(Object.entries(sendableAtOfOne))("%s", (_, sendableAtOf) => {
  const next = (now: string, quiet: QuietHours | null, timezone: string) => sendableAtOf(at(now), quiet, timezone).toISOString()

  it("sends right away without quiet hours", () => {
    expect(next("2026-05-04T23:00:00.000Z", null, "Europe/Berlin")).toBe("2026-05-04T23:00:00.000Z")
  })

  describe("a window across midnight, in UTC", () => {
    it.each([
      ["before it", "2026-05-04T20:59:59.999Z", "2026-05-04T20:59:59.999Z"],
      ["at its start", "2026-05-04T21:00:00.000Z", "2026-05-05T08:00:00.000Z"],
      ["before midnight", "2026-05-04T23:30:00.000Z", "2026-05-05T08:00:00.000Z"],
      ["after midnight", "2026-05-05T03:00:00.000Z", "2026-05-05T08:00:00.000Z"],
      ["in its last second", "2026-05-05T07:59:59.500Z", "2026-05-05T08:00:00.000Z"],
      ["at its end", "2026-05-05T08:00:00.000Z", "2026-05-05T08:00:00.000Z"],
      ["on new year's eve", "2026-12-31T22:00:00.000Z", "2027-01-01T08:00:00.000Z"],
    ])("%s", (_, now, expected) => {
      expect(next(now, NIGHT, "UTC")).toBe(expected)
    })
  })

  describe("a window within a day, in UTC", () => {
    it.each([
      ["before it", "2026-05-04T11:59:00.000Z", "2026-05-04T11:59:00.000Z"],
      ["at its start", "2026-05-04T12:00:00.000Z", "2026-05-04T14:00:00.000Z"],
      ["inside it", "2026-05-04T13:59:59.000Z", "2026-05-04T14:00:00.000Z"],
      ["at its end", "2026-05-04T14:00:00.000Z", "2026-05-04T14:00:00.000Z"],
      ["after it", "2026-05-04T22:00:00.000Z", "2026-05-04T22:00:00.000Z"],
    ])("%s", (_, now, expected) => {
      expect(next(now, LUNCH, "UTC")).toBe(expected)
    })
  })

  it("reads the clock in the contact's time zone", () => {
    // 20:30 UTC is 22:30 in Berlin (summer time) and 16:30 in New York.
    expect(next("2026-07-01T20:30:00.000Z", NIGHT, "Europe/Berlin")).toBe("2026-07-02T06:00:00.000Z")
    expect(next("2026-07-01T20:30:00.000Z", NIGHT, "America/New_York")).toBe("2026-07-01T20:30:00.000Z")
    expect(next("2026-07-01T20:30:00.000Z", NIGHT, "Asia/Kolkata")).toBe("2026-07-02T02:30:00.000Z")
  })

  describe("daylight saving time in Europe/Berlin (2025: forward on 30 March, back on 26 October)", () => {
    const zone = "Europe/Berlin"
    it.each([
      ["a short night: 23:00 CET ends at 08:00 CEST", NIGHT, "2025-03-29T22:00:00.000Z", "2025-03-30T06:00:00.000Z"],
      ["a long night: 00:00 CEST ends at 08:00 CET", NIGHT, "2025-10-25T22:00:00.000Z", "2025-10-26T07:00:00.000Z"],
      ["an end skipped by the jump ends at the jump (03:00 CEST)", { start: "01:00", end: "02:30" }, "2025-03-30T00:30:00.000Z", "2025-03-30T01:00:00.000Z"],
      ["the same, from the evening before", { start: "21:00", end: "02:30" }, "2025-03-29T20:30:00.000Z", "2025-03-30T01:00:00.000Z"],
      ["a start skipped by the jump: 03:00 CEST is inside", { start: "02:30", end: "06:00" }, "2025-03-30T01:00:00.000Z", "2025-03-30T04:00:00.000Z"],
      ["the minute before the jump is outside it", { start: "02:30", end: "06:00" }, "2025-03-30T00:59:00.000Z", "2025-03-30T00:59:00.000Z"],
      ["a repeated end: the first 02:30 (CEST) ends it", { start: "01:00", end: "02:30" }, "2025-10-25T23:30:00.000Z", "2025-10-26T00:30:00.000Z"],
      ["the repeated hour is quiet again: 02:15 CET waits for 02:30 CET", { start: "01:00", end: "02:30" }, "2025-10-26T01:15:00.000Z", "2025-10-26T01:30:00.000Z"],
    ])("%s", (_, quiet, now, expected) => {
      expect(next(now, quiet, zone)).toBe(expected)
    })
  })

  describe("daylight saving time in America/New_York (2025: forward on 9 March, back on 2 November)", () => {
    const zone = "America/New_York"
    it.each([
      ["a short night: 23:00 EST ends at 08:00 EDT", NIGHT, "2025-03-09T04:00:00.000Z", "2025-03-09T12:00:00.000Z"],
      ["an end skipped by the jump ends at the jump (03:00 EDT)", { start: "01:00", end: "02:30" }, "2025-03-09T06:30:00.000Z", "2025-03-09T07:00:00.000Z"],
      ["a long night: 01:30 EDT ends at 08:00 EST", NIGHT, "2025-11-02T05:30:00.000Z", "2025-11-02T13:00:00.000Z"],
      ["the second 01:30 (EST) as well", NIGHT, "2025-11-02T06:30:00.000Z", "2025-11-02T13:00:00.000Z"],
      ["a window ending in the repeated hour, first pass", { start: "00:30", end: "01:45" }, "2025-11-02T05:15:00.000Z", "2025-11-02T05:45:00.000Z"],
    ])("%s", (_, quiet, now, expected) => {
      expect(next(now, quiet, zone)).toBe(expected)
    })
  })

  it("finds a half-hour jump (Australia/Lord_Howe, 02:00 to 02:30 on 5 October 2025)", () => {
    expect(next("2025-10-04T14:45:00.000Z", { start: "01:00", end: "02:15" }, "Australia/Lord_Howe")).toBe(
      "2025-10-04T15:30:00.000Z"
    )
  })

  it("waits for the next night when a jump skips all the sendable time (America/Santiago, midnight to 01:00 on 7 September 2025)", () => {
    // Sendable only from 00:00 to 00:30, which that night never happened.
    expect(next("2025-09-07T03:59:00.000Z", { start: "00:30", end: "00:00" }, "America/Santiago")).toBe(
      "2025-09-08T03:00:00.000Z"
    )
  })

  it("treats a window that starts where it ends as empty", () => {
    expect(next("2026-05-04T21:00:00.000Z", { start: "21:00", end: "21:00" }, "UTC")).toBe("2026-05-04T21:00:00.000Z")
  })

  it.each([
    [{ start: "21", end: "08:00" }, "quiet_hours.start must be HH:MM, got '21'"],
    [{ start: "21:00", end: "8:00" }, "quiet_hours.end must be HH:MM, got '8:00'"],
  ])("refuses a bad stored window %j", (quiet, message) => {
    expect(() => sendableAtOf(at("2026-05-04T21:00:00.000Z"), quiet, "UTC")).toThrow(new QuietHoursError(message))
  })

  it("refuses an unknown time zone", () => {
    expect(() => sendableAtOf(at("2026-05-04T21:00:00.000Z"), NIGHT, "Nowhere/Special")).toThrow(
      new QuietHoursError("unknown time zone 'Nowhere/Special'")
    )
  })

  describe("properties", () => {
    const clock = fc
      .record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.constantFrom(0, 1, 15, 30, 45, 59) })
      .map(({ hour, minute }) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`)
    const window = fc.record({ start: clock, end: clock }).filter(({ start, end }) => start !== end)
    const zone = fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago")
    // Around the 2025 transitions of those zones, and anywhere in between.
    const instant = fc.oneof(
      fc.date({ min: at("2025-01-01T00:00:00Z"), max: at("2026-12-31T00:00:00Z"), noInvalidDate: true }),
      fc.constantFrom("2025-03-30T01:00:00Z", "2025-10-26T01:00:00Z", "2025-03-09T07:00:00Z", "2025-11-02T06:00:00Z", "2025-10-04T15:30:00Z", "2025-04-06T03:00:00Z", "2025-09-07T04:00:00Z").chain(
        (transition) => fc.integer({ min: -26 * 60, max: 26 * 60 }).map((minutes) => new Date(at(transition).getTime() + minutes * 60_000 + 17_000))
      )
    )
    const MINUTE = 60_000

    it("returns the first instant at or after now that is outside the window", () => {
      fc.assert(
        fc.property(instant, window, zone, (now, quiet, timezone) => {
          const sendable = sendableAtOf(now, quiet, timezone)
          expect(sendable.getTime()).toBeGreaterThanOrEqual(now.getTime())
          // A day, or two when a daylight-saving jump swallows the only sendable time of a night.
          expect(sendable.getTime() - now.getTime()).toBeLessThan(49 * 60 * MINUTE)
          // Outside the window: asking again changes nothing.
          expect(sendableAtOf(sendable, quiet, timezone)).toEqual(sendable)
          // And the first such instant: the minute before was still quiet.
          if (sendable.getTime() !== now.getTime()) {
            const before = new Date(Math.max(now.getTime(), sendable.getTime() - MINUTE))
            expect(sendableAtOf(before, quiet, timezone)).toEqual(sendable)
          }
        }),
        { numRuns: 500 }
      )
    })
  })
})

describe("sendableAtByZone", () => {
  it.each([
    ["the night Berlin moves forward (2025-03-30)", NIGHT, "2025-03-29T22:00:00.000Z"],
    ["the night Berlin moves back (2025-10-26)", NIGHT, "2025-10-25T22:00:00.000Z"],
    ["the hour New York repeats (2025-11-02)", { start: "00:30", end: "01:45" }, "2025-11-02T05:15:00.000Z"],
    ["Lord Howe's half-hour jump (2025-10-05)", { start: "01:00", end: "02:15" }, "2025-10-04T14:45:00.000Z"],
    ["the night Santiago skips (2025-09-07)", { start: "00:30", end: "00:00" }, "2025-09-07T03:59:00.000Z"],
    ["a lunch window", LUNCH, "2025-03-30T10:30:00.000Z"],
  ])("gives a round's messages across zones, %s, what each would get alone", (_, quiet, now) => {
    const zones = ["Europe/Berlin", "America/New_York", "UTC", "Australia/Lord_Howe", "Europe/Berlin", "America/Santiago", "Asia/Kathmandu", "UTC"]
    const sendableAt = sendableAtByZone(at(now), quiet)
    expect(zones.map((zone) => sendableAt(zone).toISOString())).toEqual(zones.map((zone) => nextSendableAt(at(now), quiet, zone).toISOString()))
  })

  it("works each zone out once per round: its messages share the answer", () => {
    const sendableAt = sendableAtByZone(at("2025-03-29T22:00:00.000Z"), NIGHT)
    const berlin = sendableAt("Europe/Berlin")
    expect(sendableAt("America/New_York")).not.toBe(berlin)
    expect(sendableAt("Europe/Berlin")).toBe(berlin)
  })

  it("refuses an unknown time zone each time it is asked", () => {
    const sendableAt = sendableAtByZone(at("2026-05-04T21:00:00.000Z"), NIGHT)
    for (let i = 0; i < 2; i++) expect(() => sendableAt("Nowhere/Special")).toThrow(new QuietHoursError("unknown time zone 'Nowhere/Special'"))
  })
})
