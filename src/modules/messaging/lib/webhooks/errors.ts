/** The request cannot be shown to come from the provider (answer 401); nothing in it may be trusted. */
export class WebhookSignatureError extends Error {
  name = "WebhookSignatureError"
}

/** The request is genuine but its content is not what the provider documents (answer 400). */
export class WebhookPayloadError extends Error {
  name = "WebhookPayloadError"
}
