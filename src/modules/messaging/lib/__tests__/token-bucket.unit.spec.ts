import fc from "fast-check"
import { TokenBucket } from "../token-bucket"

describe("TokenBucket", () => {
  it("lets a second's worth through at once, then makes callers wait their share", () => {
    const bucket = new TokenBucket(100, 0)
    expect(bucket.take(100, 0)).toBe(0)
    expect(bucket.take(50, 0)).toBe(500)
    // The next caller queues behind the debt.
    expect(bucket.take(50, 0)).toBe(1000)
  })

  it("refills with time, never beyond one second's worth", () => {
    const bucket = new TokenBucket(10, 0)
    expect(bucket.take(10, 0)).toBe(0)
    expect(bucket.take(5, 500)).toBe(0)
    expect(bucket.take(1, 500)).toBe(100)
    const idle = new TokenBucket(10, 0)
    expect(idle.take(11, 60_000)).toBe(100)
  })

  it("never sends faster than its rate over any run of takes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 50 }), (rate, takes) => {
        const bucket = new TokenBucket(rate, 0)
        let now = 0
        let sent = 0
        for (const count of takes) {
          now += bucket.take(count, now)
          sent += count
        }
        // Everything sent by `now` fits in the initial burst plus the rate over the elapsed time.
        expect(sent).toBeLessThanOrEqual(rate + (now / 1000) * rate + 1e-6)
      })
    )
  })
})
