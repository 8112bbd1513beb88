import type { SendOutcome } from "../../../types/messaging/providers"
import type { TrackedLink } from "./instrument-html"
import { retryDelayMs } from "./retry-backoff"

/** A provider's outcome as the queue records it: by which provider, when to try again, which links went out. */
export type RecordedOutcome = SendOutcome & { provider: string; retry_at?: Date | null; links?: TrackedLink[] }

/** What becomes of a message after a send: sent, queued again for a retry, or failed for good. */
export type SendFate = "sent" | "retried" | "failed"

export interface RetryPolicy {
  /** Attempts before a message that keeps meeting temporary errors is failed. */
  max_attempts: number
  retry_base_ms: number
  retry_max_ms: number
}

export interface SentMessage {
  provider: string
  /** Sends of the message so far, this one included. */
  attempts: number
  /** The tracked links the message carried, kept once it is sent. */
  links?: TrackedLink[]
}

/**
 * Maps a provider's answer about one message to what is recorded: a sent message keeps its links; a temporary error
 * is retried after a backoff (or the provider's Retry-After), until the message has had its attempts, after which its
 * `retry_at` is null and it fails; any other error fails it at once.
 */
export function recordedOutcome(
  outcome: SendOutcome,
  message: SentMessage,
  policy: RetryPolicy,
  now: number,
  random: () => number = Math.random
): RecordedOutcome {
  if (outcome.status === "sent") return { ...outcome, provider: message.provider, links: message.links }
  if (outcome.status !== "retry") return { ...outcome, provider: message.provider }
  const retryAt =
    message.attempts >= policy.max_attempts
      ? null
      : new Date(
          now +
            retryDelayMs(
              message.attempts,
              { baseMs: policy.retry_base_ms, maxMs: policy.retry_max_ms, retryAfterMs: outcome.retry_after_ms },
              random
            )
        )
  return { ...outcome, provider: message.provider, retry_at: retryAt }
}

/** Where a recorded outcome leaves the message: a retry without a time is a failure. */
export function fateOf(outcome: RecordedOutcome): SendFate {
  if (outcome.status === "sent") return "sent"
  return outcome.status === "retry" && outcome.retry_at ? "retried" : "failed"
}
