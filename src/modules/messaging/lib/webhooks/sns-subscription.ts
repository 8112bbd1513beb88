import { SnsConfirmationError, WebhookSignatureError } from "./errors"
import { isSnsUrl, type SnsMessage } from "./sns"

const CONFIRM_TIMEOUT_MS = 10_000

/**
 * Confirms a verified SubscriptionConfirmation by fetching its SubscribeURL, as SNS asks, when that
 * URL is SNS's own (or the test stand-in's): a signed message could still name any URL to call.
 */
export async function confirmSnsSubscription(message: SnsMessage, testUrlPrefix?: string): Promise<void> {
  const url = message.SubscribeURL
  if (!url || !isSnsUrl(url, testUrlPrefix)) throw new WebhookSignatureError("SNS SubscribeURL is not an https URL on an SNS host")
  let response: Response
  try {
    response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(CONFIRM_TIMEOUT_MS) })
  } catch (error) {
    throw new SnsConfirmationError(`SNS subscription could not be confirmed: ${(error as Error).message}`)
  }
  if (!response.ok) throw new SnsConfirmationError(`SNS subscription could not be confirmed: HTTP ${response.status}`)
}
