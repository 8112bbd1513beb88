import fc from "fast-check"
import { bucketOfDay, bucketsOf, daysOf, previousPeriod } from "../periods"
import { storeDay } from "../store-day"

const at = (iso: string) => new Date(iso)
const labels = (from: string, to: string, granularity: "hour" | "day" | "week" | "month", tz: string) =>
  bucketsOf({ from: at(from), to: at(to) }, granularity, tz).map((b) => b.label)

describe("storeDay", () => {
  it.each([
    ["2026-03-29T00:59:59Z", "Europe/Berlin", "2026-03-29"],
    ["2026-03-28T22:59:59Z", "Europe/Berlin", "2026-03-28"],
    ["2026-03-28T23:00:00Z", "Europe/Berlin", "2026-03-29"],
    ["2026-11-01T06:30:00Z", "America/New_York", "2026-11-01"],
    ["2026-11-01T03:59:59Z", "America/New_York", "2026-10-31"],
    ["2026-01-01T00:00:00Z", "UTC", "2026-01-01"],
  ])("%s in %s is %s", (instant, tz, day) => expect(storeDay(at(instant), tz)).toBe(day))

  it("refuses an unknown timezone", () => expect(() => storeDay(new Date(), "Mars/Olympus")).toThrow("Not a timezone"))

  it("across a DST change each local day holds exactly the instants between its midnights", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Europe/Berlin", "America/New_York", "Australia/Sydney"),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (tz, ms) => {
          const day = storeDay(new Date(ms), tz)
          const [first] = bucketsOf({ from: new Date(ms), to: new Date(ms + 1) }, "day", tz)
          const dayStart = bucketsOf({ from: new Date(ms - 26 * 3_600_000), to: new Date(ms + 1) }, "day", tz).at(-1)!
          expect(first.label).toBe(day)
          expect(storeDay(dayStart.from, tz)).toBe(day)
          expect(storeDay(new Date(dayStart.from.getTime() - 1), tz) < day).toBe(true)
        }
      )
    )
  })
})

describe("bucketsOf", () => {
  it("a day of spring-forward in Berlin has 23 hours, of fall-back 25", () => {
    expect(labels("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", "hour", "Europe/Berlin")).toHaveLength(23)
    expect(labels("2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", "hour", "Europe/Berlin")).toHaveLength(25)
    expect(labels("2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", "day", "Europe/Berlin")).toEqual(["2026-03-29"])
  })

  it("weeks start on Monday and months on the 1st, the ends clipped to the period", () => {
    const weeks = bucketsOf({ from: at("2026-03-04T12:00:00Z"), to: at("2026-03-20T00:00:00Z") }, "week", "UTC")
    expect(weeks.map((b) => b.label)).toEqual(["2026-W10", "2026-W11", "2026-W12"])
    expect(weeks[0].from).toEqual(at("2026-03-04T12:00:00Z"))
    expect(weeks[1].from).toEqual(at("2026-03-09T00:00:00Z"))
    expect(weeks[2].to).toEqual(at("2026-03-20T00:00:00Z"))
    expect(labels("2026-01-31T00:00:00Z", "2026-04-01T00:00:00Z", "month", "UTC")).toEqual(["2026-01", "2026-02", "2026-03"])
  })

  it("buckets tile the period without gap or overlap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: 1, max: 90 * 86_400_000 }),
        fc.constantFrom("hour", "day", "week", "month" as const),
        fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"),
        (from, length, granularity, tz) => {
          const period = { from: new Date(from), to: new Date(from + length) }
          const buckets = bucketsOf(period, granularity as "hour", tz)
          expect(buckets[0].from).toEqual(period.from)
          expect(buckets.at(-1)!.to).toEqual(period.to)
          buckets.slice(1).forEach((b, i) => expect(b.from).toEqual(buckets[i].to))
          expect(new Set(buckets.map((b) => b.label)).size).toBe(buckets.length)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("refuses an empty or reversed period", () => {
    expect(() => bucketsOf({ from: at("2026-01-02T00:00:00Z"), to: at("2026-01-02T00:00:00Z") }, "day", "UTC")).toThrow("end after")
  })
})

describe("bucketOfDay and daysOf", () => {
  it.each([
    ["2026-01-01", "week", "2026-W01"],
    ["2027-01-01", "week", "2026-W53"],
    ["2026-02-28", "month", "2026-02"],
    ["2026-02-28", "day", "2026-02-28"],
  ] as const)("%s by %s is %s", (day, granularity, label) => expect(bucketOfDay(day, granularity)).toBe(label))

  it("refuses what is not a calendar day", () => {
    expect(() => bucketOfDay("2026-02-30", "day")).toThrow("Not a day")
    expect(() => bucketOfDay("2026-2-3", "week")).toThrow("Not a day")
  })

  it("labels every day of twelve years as bucketsOf labels the bucket it falls in", () => {
    for (const granularity of ["day", "week", "month"] as const) {
      for (const bucket of bucketsOf({ from: at("2020-01-01T00:00:00Z"), to: at("2032-01-01T00:00:00Z") }, granularity, "UTC")) {
        for (let day = bucket.from.getTime(); day < bucket.to.getTime(); day += 86_400_000) {
          const label = bucketOfDay(new Date(day).toISOString().slice(0, 10), granularity)
          if (label !== bucket.label) expect({ day: new Date(day), granularity, label }).toEqual({ day: new Date(day), granularity, label: bucket.label })
        }
      }
    }
  })

  it("names the store days a period touches, its end excluded", () => {
    expect(daysOf({ from: at("2026-03-01T00:00:00+01:00"), to: at("2026-03-08T00:00:00+01:00") }, "Europe/Berlin")).toEqual({
      first: "2026-03-01",
      last: "2026-03-07",
    })
  })
})

describe("previousPeriod", () => {
  it.each([
    ["a calendar month", "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "2026-02-01T00:00:00Z"],
    ["two months", "2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-01-01T00:00:00Z"],
    ["a week", "2026-03-09T00:00:00Z", "2026-03-16T00:00:00Z", "2026-03-02T00:00:00Z"],
    ["a few hours", "2026-03-09T10:00:00Z", "2026-03-09T13:30:00Z", "2026-03-09T06:30:00Z"],
  ])("of %s", (_, from, to, previousFrom) => {
    expect(previousPeriod({ from: at(from), to: at(to) }, "UTC")).toEqual({ from: at(previousFrom), to: at(from) })
  })

  it("a week after a DST change compares with the seven local days before it, which last an hour longer", () => {
    const period = { from: at("2026-03-29T00:00:00+01:00"), to: at("2026-04-05T00:00:00+02:00") }
    expect(previousPeriod(period, "Europe/Berlin")).toEqual({ from: at("2026-03-22T00:00:00+01:00"), to: period.from })
  })
})
