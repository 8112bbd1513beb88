import { attemptOutcome, RetryPolicy } from "../delivery-outcome"

const POLICY: RetryPolicy = { max_attempts: 3, retry_base_ms: 1_000, retry_max_ms: 60_000 }
const NOW = new Date("2026-12-06T12:00:00Z")
const at = (ms: number) => new Date(NOW.getTime() + ms)

describe("attemptOutcome", () => {
  it.each([200, 202, 204, 299])("delivers on HTTP %p", (status) => {
    expect(attemptOutcome(1, { status, retry_after: null }, POLICY, NOW)).toEqual({
      status: "delivered",
      next_attempt_at: null,
      response_status: status,
      error: null,
    })
  })

  it.each([301, 302, 400, 404, 500, 503])("tries again after HTTP %p, with exponential backoff and full jitter", (status) => {
    expect(attemptOutcome(1, { status, retry_after: null }, POLICY, NOW, () => 0.5)).toEqual({
      status: "pending",
      next_attempt_at: at(500),
      response_status: status,
      error: `the endpoint answered HTTP ${status}`,
    })
    expect(attemptOutcome(2, { status, retry_after: null }, POLICY, NOW, () => 0.5).next_attempt_at).toEqual(at(1_000))
  })

  it("waits at least what Retry-After asks", () => {
    expect(attemptOutcome(1, { status: 429, retry_after: "30" }, POLICY, NOW, () => 0).next_attempt_at).toEqual(at(30_000))
  })

  it("tries again when the endpoint never answered, keeping why", () => {
    expect(attemptOutcome(2, { error: "connect ECONNREFUSED 127.0.0.1:1" }, POLICY, NOW, () => 0.999)).toEqual({
      status: "pending",
      next_attempt_at: at(1_998),
      response_status: null,
      error: "connect ECONNREFUSED 127.0.0.1:1",
    })
  })

  it("fails for good once the attempts are spent, with the last answer", () => {
    expect(attemptOutcome(3, { status: 500, retry_after: "5" }, POLICY, NOW)).toEqual({
      status: "failed",
      next_attempt_at: null,
      response_status: 500,
      error: "the endpoint answered HTTP 500",
    })
    expect(attemptOutcome(3, { error: "timeout" }, POLICY, NOW).status).toBe("failed")
  })
})
