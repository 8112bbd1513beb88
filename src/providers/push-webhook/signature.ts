import { createHmac } from "node:crypto"

export const SIGNATURE_HEADER = "X-Marketing-Signature"
export const TIMESTAMP_HEADER = "X-Marketing-Timestamp"

/**
 * `sha256=<hex HMAC-SHA256>` of `<timestamp>.<raw body>`. The timestamp is part of the signed
 * material so a captured request cannot be replayed later: receivers reject old timestamps.
 */
export const signPushWebhook = (secret: string, timestamp: string, rawBody: string) =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`
