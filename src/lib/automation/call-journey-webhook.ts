import { signJourneyWebhook, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from "../../modules/automation/lib/webhook-signature"

/** A receiver that has not answered by then counts as failed, and the step is retried. */
const WEBHOOK_TIMEOUT_MS = 10_000

/**
 * POSTs a journey webhook's JSON, signed, under its delivery id. Any answer but a 2xx throws (the
 * worker retries the step with backoff); redirects are not followed, so that the signed body only
 * goes where it was configured to.
 */
export async function callJourneyWebhook(input: { url: string; secret: string; delivery_id: string; payload: Record<string, unknown> }) {
  const body = JSON.stringify(input.payload)
  const response = await fetch(input.url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    headers: {
      "content-type": "application/json",
      [WEBHOOK_DELIVERY_HEADER]: input.delivery_id,
      [WEBHOOK_SIGNATURE_HEADER]: signJourneyWebhook(body, input.secret, Math.floor(Date.now() / 1000)),
    },
    body,
  })
  await response.body?.cancel()
  if (!response.ok) throw new Error(`webhook ${input.url} answered ${response.status}`)
  return { status: response.status }
}
