import { signWebhook, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from "./webhook-signature"

/** A receiver that has not answered by then counts as failed, and the delivery is retried. */
const WEBHOOK_TIMEOUT_MS = 10_000

export type WebhookResponse = { ok: boolean; status: number; retry_after: string | null }

/**
 * POSTs a webhook's JSON, signed with `secret`, under its delivery id, and says what the receiver
 * answered (a network error or the timeout throws). Redirects are not followed, so that the signed
 * body only goes where it was configured to: a 3xx is an answer that is not ok.
 */
export async function postSignedWebhook(input: {
  url: string
  secret: string
  delivery_id: string
  payload: unknown
  headers?: Record<string, string>
}): Promise<WebhookResponse> {
  const body = JSON.stringify(input.payload)
  const response = await fetch(input.url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    headers: {
      ...input.headers,
      "content-type": "application/json",
      [WEBHOOK_DELIVERY_HEADER]: input.delivery_id,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(body, input.secret, Math.floor(Date.now() / 1000)),
    },
    body,
  })
  await response.body?.cancel()
  return { ok: response.ok, status: response.status, retry_after: response.headers.get("retry-after") }
}
