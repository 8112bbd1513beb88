import { createHmac } from "node:crypto"

/**
 * Names what a webhook delivers (a journey step run, an event for one endpoint): the same on every
 * retry, for the receiver to drop repeats.
 */
export const WEBHOOK_DELIVERY_HEADER = "x-marketing-delivery"
/** `t=<unix seconds>,v1=<hex>`, see signWebhook. */
export const WEBHOOK_SIGNATURE_HEADER = "x-marketing-signature"

/**
 * The signature header of a webhook body: HMAC-SHA256, keyed with the secret its receiver holds
 * (the plugin's for journey webhooks, the endpoint's for outgoing events), of `<t>.<body>` — the timestamp is signed too, so that a receiver that refuses old ones (say, five
 * minutes) cannot be fed a captured request again. Pure.
 */
export function signWebhook(body: string, secret: string, timestampSeconds: number): string {
  if (!Number.isInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError(`the timestamp must be whole seconds, got ${timestampSeconds}`)
  const digest = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex")
  return `t=${timestampSeconds},v1=${digest}`
}
