/**
 * How long to wait before retrying a failed send: exponential backoff with "full jitter"
 * (Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015), which spreads
 * the retries of many messages that failed together instead of sending them back in waves.
 */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay; each further retry doubles it. */
  baseMs: number
  /** The ceiling never grows past this. */
  maxMs: number
  /** What the provider asked for (Retry-After): honoured even above maxMs. */
  retryAfterMs?: number
}

/** Attempt 1 is the first retry. `random` returns [0, 1), as Math.random does. */
export function retryDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const { baseMs, maxMs, retryAfterMs = 0 } = options
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer from 1, got ${attempt}`)
  if (!(baseMs > 0) || !(maxMs >= baseMs)) {
    throw new RangeError(`backoff needs 0 < baseMs <= maxMs, got baseMs ${baseMs} and maxMs ${maxMs}`)
  }
  if (!(retryAfterMs >= 0)) throw new RangeError(`retryAfterMs must be a duration, got ${retryAfterMs}`)
  // Past about 2^1023 the power is Infinity, which min() still caps.
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1))
  return Math.max(Math.floor(random() * ceiling), retryAfterMs)
}

/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): a number of seconds or an HTTP date.
 * Undefined when absent or unreadable, 0 when the date has passed.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}
