import { parseRetryAfter, retryDelayMs } from "../../messaging/lib/retry-backoff"
import { WebhookDeliveryStatus } from "../../../types/webhook"

export interface RetryPolicy {
  max_attempts: number
  retry_base_ms: number
  retry_max_ms: number
}

/** What the receiver did with one attempt: answered (any status), or never answered (network error, timeout). */
export type Attempt = { status: number; retry_after: string | null } | { error: string }

export interface AttemptOutcome {
  status: typeof WebhookDeliveryStatus.DELIVERED | typeof WebhookDeliveryStatus.PENDING | typeof WebhookDeliveryStatus.FAILED
  next_attempt_at: Date | null
  response_status: number | null
  error: string | null
}

/**
 * Where a delivery stands after its `attempt`-th attempt (from 1): a 2xx delivers it; anything else,
 * a redirect included, is tried again after a backoff with full jitter (at least what a Retry-After
 * asked) until `max_attempts` are spent, and then failed. Pure.
 */
export function attemptOutcome(attempt: number, result: Attempt, policy: RetryPolicy, now: Date, random: () => number = Math.random): AttemptOutcome {
  const response_status = "status" in result ? result.status : null
  if (response_status !== null && response_status >= 200 && response_status < 300) {
    return { status: WebhookDeliveryStatus.DELIVERED, next_attempt_at: null, response_status, error: null }
  }
  const error = "error" in result ? result.error : `the endpoint answered HTTP ${response_status}`
  if (attempt >= policy.max_attempts) return { status: WebhookDeliveryStatus.FAILED, next_attempt_at: null, response_status, error }
  const retryAfterMs = "retry_after" in result ? parseRetryAfter(result.retry_after, now) : undefined
  const delay = retryDelayMs(attempt, { baseMs: policy.retry_base_ms, maxMs: policy.retry_max_ms, retryAfterMs }, random)
  return { status: WebhookDeliveryStatus.PENDING, next_attempt_at: new Date(now.getTime() + delay), response_status, error }
}
