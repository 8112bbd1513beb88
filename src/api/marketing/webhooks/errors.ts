import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  SnsCertificateUnavailableError,
  SnsConfirmationError,
  WebhookPayloadError,
  WebhookSignatureError,
} from "../../../modules/messaging/lib/webhooks/errors"

/**
 * Answers a webhook that failed verification or parsing: 401 for a missing or bad signature (and
 * nothing was recorded), 400 for a payload that is not what the provider sends, 503 (logged) when what
 * verifies it cannot be had for now, 502 (logged) when SNS could not be told a subscription is confirmed. Returns false for any other error, which is the route's to throw.
 */
export function answerRefusedWebhook(error: unknown, req: MedusaRequest, res: MedusaResponse): boolean {
  if (error instanceof WebhookSignatureError) {
    res.status(401).json({ type: "unauthorized", message: `Webhook signature: ${error.message}` })
    return true
  }
  if (error instanceof WebhookPayloadError) {
    res.status(400).json({ type: "invalid_data", message: `Webhook payload: ${error.message}` })
    return true
  }
  if (error instanceof SnsCertificateUnavailableError) {
    // Nothing says the message is forged: answered with a server error, SNS delivers it again later.
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`marketing webhook: ${error.message}`)
    res.status(503).json({ type: "unexpected_state", message: error.message })
    return true
  }
  if (error instanceof SnsConfirmationError) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`marketing webhook: ${error.message}`)
    res.status(502).json({ type: "unexpected_state", message: error.message })
    return true
  }
  return false
}
