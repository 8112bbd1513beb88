import fc from "fast-check"
import { parseRetryAfter, retryDelayMs } from "../retry-backoff"

const options = { baseMs: 1_000, maxMs: 60_000 }
const half = () => 0.5

describe("retryDelayMs", () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [6, 16_000],
    [7, 30_000],
    [8, 30_000],
    [1_100, 30_000],
  ])("attempt %i with a coin at 0.5 waits %i ms (half the doubling ceiling, capped at maxMs)", (attempt, expected) => {
    expect(retryDelayMs(attempt, options, half)).toBe(expected)
  })

  it.each([
    [0, 0],
    [0.25, 250],
    [0.999_999, 999],
  ])("spreads the first retry over [0, baseMs): random %p gives %i", (coin, expected) => {
    expect(retryDelayMs(1, options, () => coin)).toBe(expected)
  })

  it("never reaches maxMs itself, only approaches it", () => {
    expect(retryDelayMs(30, options, () => 0.999_999_999)).toBe(59_999)
  })

  it.each([
    ["waits at least as long as the provider asked", { retryAfterMs: 5_000 }, 5_000],
    ["keeps a longer jittered delay", { retryAfterMs: 100 }, 500],
    ["lets Retry-After exceed maxMs", { retryAfterMs: 120_000 }, 120_000],
    ["treats Retry-After: 0 as no constraint", { retryAfterMs: 0 }, 500],
  ])("%s", (_, extra, expected) => {
    expect(retryDelayMs(1, { ...options, ...extra }, half)).toBe(expected)
  })

  it.each([
    ["attempt 0", 0, options, "attempt must be an integer from 1, got 0"],
    ["a fractional attempt", 1.5, options, "attempt must be an integer from 1, got 1.5"],
    ["a NaN attempt", NaN, options, "attempt must be an integer from 1, got NaN"],
    ["baseMs 0", 1, { baseMs: 0, maxMs: 10 }, "backoff needs 0 < baseMs <= maxMs, got baseMs 0 and maxMs 10"],
    ["a NaN baseMs", 1, { baseMs: NaN, maxMs: 10 }, "backoff needs 0 < baseMs <= maxMs, got baseMs NaN and maxMs 10"],
    ["maxMs below baseMs", 1, { baseMs: 10, maxMs: 5 }, "backoff needs 0 < baseMs <= maxMs, got baseMs 10 and maxMs 5"],
    ["a negative Retry-After", 1, { ...options, retryAfterMs: -1 }, "retryAfterMs must be a duration, got -1"],
    ["a NaN Retry-After", 1, { ...options, retryAfterMs: NaN }, "retryAfterMs must be a duration, got NaN"],
  ])("refuses %s", (_, attempt, bad, message) => {
    expect(() => retryDelayMs(attempt, bad, half)).toThrow(new RangeError(message))
  })

  it("uses Math.random by default", () => {
    const random = jest.spyOn(Math, "random").mockReturnValue(0.25)
    try {
      expect(retryDelayMs(3, options)).toBe(1_000)
      expect(random).toHaveBeenCalledTimes(1)
    } finally {
      random.mockRestore()
    }
  })

  it("stays within [retryAfterMs, ceiling), where the ceiling doubles up to maxMs", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.option(fc.integer({ min: 0, max: 7_200_000 }), { nil: undefined }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseMs, extraMs, retryAfterMs, coin) => {
          const maxMs = baseMs + extraMs
          const delay = retryDelayMs(attempt, { baseMs, maxMs, retryAfterMs }, () => coin)
          const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1))
          expect(Number.isInteger(delay)).toBe(true)
          expect(delay).toBeGreaterThanOrEqual(retryAfterMs ?? 0)
          expect(delay).toBeLessThan(Math.max(ceiling, (retryAfterMs ?? 0) + 1))
        }
      )
    )
  })

  it("spreads delays over the whole range rather than clustering them", () => {
    const delays = Array.from({ length: 2_000 }, (_, i) => retryDelayMs(4, options, () => i / 2_000))
    expect(Math.min(...delays)).toBe(0)
    expect(Math.max(...delays)).toBe(7_996)
    expect(new Set(delays.map((delay) => Math.floor(delay / 1_000))).size).toBe(8)
  })
})

describe("parseRetryAfter", () => {
  const now = new Date("2026-05-04T09:00:00.000Z")

  it.each([
    ["120", 120_000],
    ["0", 0],
    [" 5 ", 5_000],
    ["Mon, 04 May 2026 09:01:30 GMT", 90_000],
    ["Mon, 04 May 2026 08:59:00 GMT", 0],
  ])("%j is %i ms", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })

  it.each([null, undefined, "", "   ", "soon"])("%p means no constraint", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined()
  })
})
