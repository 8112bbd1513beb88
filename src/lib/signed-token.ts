import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Compact HMAC-SHA256 tokens for links that leave the store (confirm, unsubscribe, track):
 * `base64url(JSON payload).base64url(signature)`. The purpose is signed along with the payload,
 * so a token minted for one use cannot be replayed for another. Every token carries its expiry
 * (`exp`, seconds since the epoch): a token without one is refused. Pure: the caller passes the clock.
 */
export type TokenPayload = Record<string, string | number | boolean | null>

export class InvalidTokenError extends Error {}

const sign = (purpose: string, body: string, secret: string) =>
  createHmac("sha256", secret).update(`${purpose}.${body}`).digest("base64url")

export function signToken(
  purpose: string,
  payload: TokenPayload,
  secret: string,
  { now = Date.now(), ttlSeconds }: { now?: number; ttlSeconds: number }
): string {
  const body = Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(now / 1000) + ttlSeconds })).toString("base64url")
  return `${body}.${sign(purpose, body, secret)}`
}

/**
 * Returns the payload (with its `exp`) of a genuine, unexpired token for this purpose; throws
 * InvalidTokenError otherwise. `withoutExpiry: "accept"` lets through genuine tokens minted before
 * tokens carried an expiry, for a caller that bounds their life itself (see tracking-token.ts).
 */
export function verifyToken(
  purpose: string,
  token: string,
  secret: string,
  { now = Date.now(), withoutExpiry = "refuse" }: { now?: number; withoutExpiry?: "refuse" | "accept" } = {}
): TokenPayload {
  const [body, signature, extra] = token.split(".")
  if (!body || !signature || extra !== undefined) throw new InvalidTokenError("malformed token")
  const expected = Buffer.from(sign(purpose, body, secret))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new InvalidTokenError("bad signature")
  }
  let payload: TokenPayload
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"))
  } catch {
    throw new InvalidTokenError("malformed payload")
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new InvalidTokenError("malformed payload")
  }
  if (payload.exp === undefined && withoutExpiry === "accept") return payload
  if (typeof payload.exp !== "number") throw new InvalidTokenError("no expiry")
  if (payload.exp * 1000 < now) throw new InvalidTokenError("expired")
  return payload
}
