import { InvalidTokenError, signToken, verifyToken } from "../../../lib/signed-token"

/** Signs the tracking token of a message: the one reference its open, click and unsubscribe links carry. */
export const TRACKING_PURPOSE = "track"

/**
 * How long a message's links work: a year. They include its unsubscribe link, which must keep working
 * long after the message was sent (CAN-SPAM asks for 30 days; people unsubscribe from old emails). The
 * same token is a storefront click's `mkt_click`, whose attribution is bounded by `attribution_days`.
 */
export const TRACKING_TOKEN_TTL_SECONDS = 365 * 86_400

export const trackingToken = (messageId: string, secret: string, now = Date.now()) =>
  signToken(TRACKING_PURPOSE, { m: messageId }, secret, { now, ttlSeconds: TRACKING_TOKEN_TTL_SECONDS })

/**
 * The message a tracking token names. `legacy`: the token was minted before tokens carried an expiry;
 * it is good for the same lifetime counted from its message's sending, which the caller checks with
 * `legacyTrackingTokenValid` once it has read the message. Throws InvalidTokenError.
 */
export function readTrackingToken(token: string, secret: string, now = Date.now()): { messageId: string; legacy: boolean } {
  const { m, exp } = verifyToken(TRACKING_PURPOSE, token, secret, { now, withoutExpiry: "accept" })
  if (typeof m !== "string") throw new InvalidTokenError("malformed payload")
  return { messageId: m, legacy: exp === undefined }
}

export const legacyTrackingTokenValid = (sentAt: Date | string, now = Date.now()) =>
  new Date(sentAt).getTime() + TRACKING_TOKEN_TTL_SECONDS * 1000 >= now
