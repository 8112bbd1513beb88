import { SnsCertificateUnavailableError, WebhookSignatureError } from "../errors"
import { CERTIFICATE_FETCH_LIMITS, fetchSigningCertificate } from "../sns-certificates"

// The SNS stand-in shared with the demo and the HTTP tests; it can be told to fail its certificate downloads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSnsServer } = require("../../../../../../demo/sinks")

let sns: any
beforeAll(async () => {
  sns = await startSnsServer()
})
afterAll(() => sns.close())
// A certificate fetched once is kept for the process: each test signs with one nobody fetched yet.
beforeEach(() => {
  sns.reset()
  sns.rotateCertificate()
})

const unavailable = async (fetching: Promise<string>, why: string | RegExp) => {
  const error = await fetching.then(() => null, (error: Error) => error)
  expect(error).toBeInstanceOf(SnsCertificateUnavailableError)
  expect(error!.message).toMatch(why)
}

describe("fetchSigningCertificate", () => {
  it("fetches a certificate once for every message signed with it", async () => {
    const certificate = await fetchSigningCertificate(sns.certificateUrl)
    expect(certificate).toContain("-----BEGIN CERTIFICATE-----")
    expect(await fetchSigningCertificate(sns.certificateUrl)).toBe(certificate)
    expect(sns.certificateDownloads()).toBe(1)
  })

  it.each<[string, unknown, string | RegExp]>([
    ["an HTTP error", { status: 500 }, "SNS signing certificate could not be fetched: HTTP 500"],
    ["too many requests", { status: 429 }, "HTTP 429"],
    ["a connection cut before any answer", "reset", "could not be fetched"],
    ["a body larger than 64 KB", "oversized", `larger than ${64 * 1024} bytes`],
  ])("reports %s as unavailable, not as a bad signature, and fetches it again for the next message", async (_, fault, why) => {
    sns.failCertificateDownloads(fault)
    await unavailable(fetchSigningCertificate(sns.certificateUrl), why)
    expect(await fetchSigningCertificate(sns.certificateUrl)).toContain("-----BEGIN CERTIFICATE-----")
    expect(sns.certificateDownloads()).toBe(2)
  })

  it("gives up on a body that never ends once the time is out", async () => {
    sns.failCertificateDownloads("stalled")
    const started = Date.now()
    await unavailable(fetchSigningCertificate(sns.certificateUrl, { ...CERTIFICATE_FETCH_LIMITS, timeoutMs: 300 }), /timeout|aborted/i)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it("keeps a certificate fetched again while an evicted fetch of it was still under way, when that fetch fails", async () => {
    sns.failCertificateDownloads("stalled")
    const stalled = fetchSigningCertificate(sns.certificateUrl, { ...CERTIFICATE_FETCH_LIMITS, timeoutMs: 1_000 })
    // As many other certificates as the cache holds (the stand-in serves its certificate whatever the query) evict it.
    await Promise.all(Array.from({ length: 50 }, (_, copy) => fetchSigningCertificate(`${sns.certificateUrl}?copy=${copy}`)))
    const certificate = await fetchSigningCertificate(sns.certificateUrl)
    await unavailable(stalled, /timeout|aborted/i)
    expect(await fetchSigningCertificate(sns.certificateUrl)).toBe(certificate)
    expect(sns.certificateDownloads()).toBe(1 + 50 + 1)
  })

  it("reports a host that does not answer as unavailable", async () => {
    const closed = await startSnsServer()
    const url = closed.certificateUrl
    await closed.close()
    await unavailable(fetchSigningCertificate(url), "could not be fetched")
  })

  it.each([403, 404, 410])("refuses a URL that SNS's host answers %i as unverifiable, and tries it again for the next message", async (status) => {
    sns.failCertificateDownloads({ status })
    const attempt = fetchSigningCertificate(sns.certificateUrl)
    await expect(attempt).rejects.toThrow(WebhookSignatureError)
    await expect(attempt).rejects.toThrow(`SNS signing certificate was refused: HTTP ${status}`)
    expect(await fetchSigningCertificate(sns.certificateUrl)).toContain("-----BEGIN CERTIFICATE-----")
  })

  it("refuses an answer that is not a certificate as unverifiable", async () => {
    sns.failCertificateDownloads({ status: 200 })
    const attempt = fetchSigningCertificate(sns.certificateUrl)
    await expect(attempt).rejects.toThrow(WebhookSignatureError)
    await expect(attempt).rejects.toThrow("SNS signing certificate is not a PEM certificate")
  })
})
