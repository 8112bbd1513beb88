import { SnsCertificateUnavailableError, WebhookSignatureError } from "./errors"

/** SNS signs with few certificates and rotates them rarely: each is fetched once per process. */
const MAX_CACHED = 50

/**
 * How long and how large a certificate fetch may be: SNS's certificates are about 2 KB, and a fetch
 * that hangs or streams without end would hold the webhook's request (and its memory) as long as it lasts.
 */
export const CERTIFICATE_FETCH_LIMITS = { timeoutMs: 10_000, maxBytes: 64 * 1024 }
export type CertificateFetchLimits = typeof CERTIFICATE_FETCH_LIMITS

const cache = new Map<string, Promise<string>>()

/**
 * The PEM certificate at a SigningCertURL, which the caller has checked to be SNS's (checkSnsOrigin).
 * A failed fetch is not cached, so the next message tries again. Throws SnsCertificateUnavailableError
 * when the fetch fails, WebhookSignatureError when SNS's host refuses the URL (a 4xx other than 429)
 * or what it fetched is not a certificate.
 */
export function fetchSigningCertificate(url: string, limits = CERTIFICATE_FETCH_LIMITS): Promise<string> {
  const cached = cache.get(url)
  if (cached) return cached
  const fetched = download(url, limits)
  // Only this fetch's own entry: once evicted, a newer fetch of the same URL may hold its place.
  fetched.catch(() => {
    if (cache.get(url) === fetched) cache.delete(url)
  })
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(url, fetched)
  return fetched
}

async function download(url: string, limits: CertificateFetchLimits): Promise<string> {
  const body = await fetchBody(url, limits)
  if (!body.includes("-----BEGIN CERTIFICATE-----")) throw new WebhookSignatureError("SNS signing certificate is not a PEM certificate")
  return body
}

async function fetchBody(url: string, { timeoutMs, maxBytes }: CertificateFetchLimits): Promise<string> {
  let status: number
  try {
    // No redirects: the URL was checked, wherever it might redirect to was not. The signal bounds the
    // reading of the body as well as the wait for the answer.
    const response = await fetch(url, { redirect: "error", signal: AbortSignal.timeout(timeoutMs) })
    if (response.ok) return await readAtMost(response, maxBytes)
    await response.body?.cancel()
    status = response.status
  } catch (error) {
    throw new SnsCertificateUnavailableError(`SNS signing certificate could not be fetched: ${(error as Error).message}`)
  }
  // SNS serves every certificate it signs with: a URL its host refuses (404, 403) names none of them, which only a
  // forged message does. Too many requests or a server error is SNS's passing trouble.
  if (status < 500 && status !== 429) throw new WebhookSignatureError(`SNS signing certificate was refused: HTTP ${status}`)
  throw new SnsCertificateUnavailableError(`SNS signing certificate could not be fetched: HTTP ${status}`)
}

/** The body as text; throws once it passes `maxBytes`, whatever its Content-Length says. */
async function readAtMost(response: Response, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = []
  let size = 0
  // Leaving the loop by a throw cancels the stream: the rest is never downloaded.
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength
    if (size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString("utf8")
}
