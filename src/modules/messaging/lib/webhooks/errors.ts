/** The request cannot be shown to come from the provider (answer 401); nothing in it may be trusted. */
export class WebhookSignatureError extends Error {
  name = "WebhookSignatureError"
}

/** The request is genuine but its content is not what the provider documents (answer 400). */
export class WebhookPayloadError extends Error {
  name = "WebhookPayloadError"
}

/**
 * SNS's signing certificate could not be had (network error, timeout, 429 or 5xx, an oversized body):
 * nothing says the message is forged, so the webhook answers 503 and SNS delivers it again later.
 */
export class SnsCertificateUnavailableError extends Error {
  name = "SnsCertificateUnavailableError"
}

/**
 * SNS could not be told that a subscription is confirmed (answer 502): not the request's fault; SNS
 * sends the confirmation again, and an admin can confirm it in the AWS console.
 */
export class SnsConfirmationError extends Error {
  name = "SnsConfirmationError"
}
