import type { OutgoingMessage, SendOutcome } from "../../../types/messaging/providers"

/**
 * What went wrong with a send, before it is told which messages it applies to: one provider
 * answer often covers a whole request (a SendGrid batch, a refused connection).
 */
export type Failure =
  | { status: "retry"; reason: string; retry_after_ms?: number }
  | { status: "failed"; reason: string }

/**
 * 408 and 429 say "not now", 5xx says the provider is struggling: all worth retrying. Any other
 * 4xx is about the request itself and would be refused again.
 */
const isTransientHttpStatus = (status: number) => status === 408 || status === 429 || status >= 500

/** `Retry-After` is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined
  const trimmed = header.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** The status leads the reason, so that the message log says what kind of refusal it was. */
export function httpFailure(status: number, providerReason: string, retryAfter?: string | null): Failure {
  const reason = `HTTP ${status}: ${providerReason}`
  if (!isTransientHttpStatus(status)) return { status: "failed", reason }
  const retry_after_ms = retryAfterMs(retryAfter)
  return retry_after_ms === undefined ? { status: "retry", reason } : { status: "retry", reason, retry_after_ms }
}

/**
 * The request got no answer (refused, reset, timed out, DNS, TLS): the provider never judged the
 * message, so it may well go through later. The system error code leads the reason because
 * SDKs wrap it in messages of their own (axios "connect ECONNREFUSED", fetch "fetch failed").
 */
export function unansweredFailure(error: unknown): Failure {
  const cause = (error as { cause?: unknown } | undefined)?.cause
  const code = errorCode(error) ?? errorCode(cause)
  const message = messageOf(error)
  const causeMessage = cause === undefined ? undefined : messageOf(cause)
  const detail = causeMessage && causeMessage !== message ? `${message} (${causeMessage})` : message
  return { status: "retry", reason: code && !detail.includes(code) ? `${code}: ${detail}` : detail }
}

// Duck-typed rather than instanceof: Node's own errors (sockets, DOMException) may come from
// another realm than the caller's Error, as under jest.
const messageOf = (error: unknown) => {
  const message = (error as { message?: unknown } | undefined)?.message
  return typeof message === "string" ? message : String(error)
}

function errorCode(error: unknown): string | undefined {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown }
  if (typeof code === "string") return code
  // fetch's AbortSignal.timeout() rejects with a DOMException whose numeric code says nothing.
  return name === "TimeoutError" ? "ETIMEDOUT" : undefined
}

export const outcomeFor = (message: OutgoingMessage, failure: Failure): SendOutcome => ({ id: message.id, ...failure })
