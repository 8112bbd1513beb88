import { createVerify, X509Certificate } from "node:crypto"
import { WebhookPayloadError, WebhookSignatureError } from "./errors"

/**
 * The fields SNS signs, in the order it signs them, by message type (SNS developer guide, "Verifying
 * the signatures of Amazon SNS messages"). A Notification's Subject is signed only when it has one.
 * A Map, so that a Type such as "constructor" cannot reach Object.prototype.
 */
const SIGNED_FIELDS = new Map<string, readonly (keyof SnsMessage)[]>([
  ["Notification", ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]],
  ["SubscriptionConfirmation", ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]],
  ["UnsubscribeConfirmation", ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]],
])

export type SnsMessageType = "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation"

export const SNS_SIGNATURE_VERSIONS = ["1", "2"] as const
export type SnsSignatureVersion = (typeof SNS_SIGNATURE_VERSIONS)[number]

/** SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA. */
const SIGNATURE_ALGORITHMS = new Map<string, string>(
  Object.entries({ "1": "RSA-SHA1", "2": "RSA-SHA256" } satisfies Record<SnsSignatureVersion, string>)
)

/** What an SNS message posted to an HTTPS subscriber holds (all strings, as SNS writes them). */
export interface SnsMessage {
  Type: SnsMessageType
  MessageId: string
  TopicArn: string
  Message: string
  Timestamp: string
  SignatureVersion: string
  Signature: string
  SigningCertURL: string
  Subject?: string
  /** Subscription and unsubscription confirmations: the URL whose GET confirms, and its token. */
  SubscribeURL?: string
  Token?: string
}

/**
 * Where SNS lives: https on `sns.<region>.amazonaws.com` (`.amazonaws.com.cn` in China), on the default
 * port, the region spelled as AWS spells one (`eu-west-1`, `us-gov-west-1`): a looser pattern would also
 * take S3's `sns.s3.amazonaws.com`, where anyone owning a bucket named `sns` could serve a certificate.
 */
const SNS_HOST = /^sns\.[a-z]{2}(-gov)?-[a-z]+-\d+\.amazonaws\.com(\.cn)?$/

/** Hosts `sns_test_url_prefix` may name: a stand-in on this machine, never one another party could run. */
export const LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

/**
 * True for a URL of SNS itself, or, only when `testUrlPrefix` is given (local stand-ins in the demo
 * and tests), one under that prefix: same origin, path starting with the prefix's path.
 */
export function isSnsUrl(url: string, testUrlPrefix?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.username || parsed.password) return false
  if (parsed.protocol === "https:" && parsed.port === "" && SNS_HOST.test(parsed.hostname)) return true
  if (!testUrlPrefix) return false
  const prefix = new URL(testUrlPrefix)
  const folder = prefix.pathname.endsWith("/") ? prefix.pathname : `${prefix.pathname}/`
  return LOOPBACK_HOSTS.includes(prefix.hostname) && parsed.origin === prefix.origin && parsed.pathname.startsWith(folder)
}

/**
 * The body SNS posted (it sends JSON as text/plain), as a message whose signature can be checked.
 * Throws WebhookPayloadError for a body that is not a JSON object, and WebhookSignatureError for one
 * that lacks what its signature needs: an unknown type or version, a missing signed field.
 */
export function parseSnsMessage(rawBody: string | Buffer): SnsMessage {
  let parsed: unknown
  try {
    parsed = JSON.parse(rawBody.toString())
  } catch {
    throw new WebhookPayloadError("SNS message is not JSON")
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new WebhookPayloadError("SNS message is not a JSON object")
  }
  const message = parsed as Record<string, unknown>
  const signed = typeof message.Type === "string" ? SIGNED_FIELDS.get(message.Type) : undefined
  if (!signed) throw new WebhookSignatureError(`SNS message of unknown type ${JSON.stringify(message.Type)}`)
  const required = [...signed.filter((name) => name !== "Subject"), "SignatureVersion", "Signature", "SigningCertURL"]
  for (const name of required) {
    if (typeof message[name] !== "string" || message[name] === "") {
      throw new WebhookSignatureError(`SNS ${message.Type} without ${name}`)
    }
  }
  if (message.Subject !== undefined && typeof message.Subject !== "string") {
    throw new WebhookSignatureError("SNS Subject is not a string")
  }
  if (!SIGNATURE_ALGORITHMS.has(message.SignatureVersion as string)) {
    throw new WebhookSignatureError(`unknown SNS SignatureVersion ${JSON.stringify(message.SignatureVersion)}`)
  }
  return message as unknown as SnsMessage
}

/** "Name\nvalue\n" for each field SNS signs for the message's type, in its order. */
export function snsStringToSign(message: SnsMessage): string {
  const fields = SIGNED_FIELDS.get(message.Type)
  if (!fields) throw new WebhookSignatureError(`SNS message of unknown type ${JSON.stringify(message.Type)}`)
  return fields
    .filter((name) => message[name] !== undefined)
    .map((name) => `${name}\n${message[name]}\n`)
    .join("")
}

export interface SnsTrust {
  /** The topics this store subscribed; a message from any other is refused. */
  topicArns: readonly string[]
  /** The SignatureVersions accepted: a store whose topics sign with SHA256 ("2") can refuse SHA1 ("1"). */
  signatureVersions: readonly string[]
  /** Tests and the demo only: a local stand-in's URL, trusted besides SNS's own hosts. */
  testUrlPrefix?: string
}

/**
 * Checks what can be checked before fetching a certificate: the topic is ours, the signature's
 * version one we accept and the certificate's URL SNS's. Throws WebhookSignatureError otherwise.
 */
export function checkSnsOrigin(message: SnsMessage, { topicArns, signatureVersions, testUrlPrefix }: SnsTrust): void {
  if (!topicArns.includes(message.TopicArn)) throw new WebhookSignatureError(`SNS topic ${message.TopicArn} is not configured`)
  if (!signatureVersions.includes(message.SignatureVersion)) {
    throw new WebhookSignatureError(`SNS SignatureVersion ${message.SignatureVersion} is not accepted (sns_signature_versions)`)
  }
  // SNS serves its certificates as .pem files; any other path on its hosts is an API call, not a certificate.
  // A query would make the same certificate a new URL each time, fetched anew and crowding the cache.
  const url = isSnsUrl(message.SigningCertURL, testUrlPrefix) ? new URL(message.SigningCertURL) : null
  if (!url || !url.pathname.endsWith(".pem") || url.search || url.hash) {
    throw new WebhookSignatureError("SNS SigningCertURL is not a .pem file at an https URL on an SNS host")
  }
}

/**
 * Returns when `certificate` (PEM, as fetched from the message's SigningCertURL) signed the
 * message and is valid at `now`; throws WebhookSignatureError otherwise.
 */
export function verifySnsSignature(message: SnsMessage, certificate: string, now = Date.now()): void {
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(certificate)
  } catch {
    throw new WebhookSignatureError("SNS signing certificate is not an X.509 certificate")
  }
  if (now < Date.parse(x509.validFrom) || now > Date.parse(x509.validTo)) {
    throw new WebhookSignatureError("SNS signing certificate is expired or not yet valid")
  }
  const algorithm = SIGNATURE_ALGORITHMS.get(message.SignatureVersion)
  if (!algorithm) throw new WebhookSignatureError(`unknown SNS SignatureVersion ${JSON.stringify(message.SignatureVersion)}`)
  const valid = createVerify(algorithm).update(snsStringToSign(message)).verify(x509.publicKey, message.Signature, "base64")
  if (!valid) throw new WebhookSignatureError("bad SNS signature")
}
