import { WebhookSignatureError } from "./errors"

/** SNS signs with few certificates and rotates them rarely: each is fetched once per process. */
const MAX_CACHED = 50
const FETCH_TIMEOUT_MS = 10_000

const cache = new Map<string, Promise<string>>()

/**
 * The PEM certificate at a SigningCertURL, which the caller has checked to be SNS's (checkSnsOrigin).
 * A failed fetch is not cached, so the next message tries again; it throws WebhookSignatureError,
 * since the message cannot be shown to come from SNS without it.
 */
export function fetchSigningCertificate(url: string): Promise<string> {
  const cached = cache.get(url)
  if (cached) return cached
  const fetched = download(url)
  fetched.catch(() => cache.delete(url))
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(url, fetched)
  return fetched
}

async function download(url: string): Promise<string> {
  let response: Response
  try {
    // No redirects: the URL was checked, wherever it might redirect to was not.
    response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  } catch (error) {
    throw new WebhookSignatureError(`SNS signing certificate could not be fetched: ${(error as Error).message}`)
  }
  const body = await response.text()
  if (!response.ok || !body.includes("-----BEGIN CERTIFICATE-----")) {
    throw new WebhookSignatureError(`SNS signing certificate could not be fetched: HTTP ${response.status}`)
  }
  return body
}
