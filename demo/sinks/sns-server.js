// @ts-check
"use strict"
// A local stand-in for the parts of Amazon SNS an HTTPS subscriber meets: it signs messages as SNS
// does (RSA over the canonical string of the message's fields, SignatureVersion 1 = SHA1, 2 =
// SHA256), serves the signing certificate at its SigningCertURL, and takes the GET of a
// SubscribeURL as the confirmation of a subscription. For the demo and tests, which must tell the
// plugin to trust this server's URL (sns_test_url_prefix): the plugin otherwise accepts AWS hosts only.
const { createSign, generateKeyPairSync, randomUUID } = require("node:crypto")
const { listen } = require("./http-sink")
const { selfSignedCertificate } = require("./self-signed-certificate")

/**
 * The fields SNS signs, in the order it signs them, by message type (AWS SNS developer guide,
 * "Verifying the signatures of Amazon SNS messages"). Subject only when the message has one.
 */
const SIGNED_FIELDS = {
  Notification: ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"],
  SubscriptionConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
  UnsubscribeConfirmation: ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"],
}

/**
 * Signs an SNS message's fields: "Name\nvalue\n" for each signed field present, concatenated.
 * @param {Record<string, string>} message without Signature, with SignatureVersion ("1" or "2")
 * @param {import("node:crypto").KeyObject} privateKey
 * @returns {string} base64
 */
function signSnsMessage(message, privateKey) {
  const fields = SIGNED_FIELDS[/** @type {keyof typeof SIGNED_FIELDS} */ (message.Type)]
  if (!fields) throw new Error(`SNS signs no message of type ${message.Type}`)
  const text = fields.filter((name) => message[name] !== undefined).map((name) => `${name}\n${message[name]}\n`).join("")
  return createSign(message.SignatureVersion === "1" ? "RSA-SHA1" : "RSA-SHA256").update(text).sign(privateKey, "base64")
}

/**
 * How the stand-in can fail a certificate download: an HTTP status, a connection cut before any
 * answer, a body far larger than a certificate, or headers and the start of a body that never ends.
 * @typedef {{ status: number } | "reset" | "oversized" | "stalled"} CertificateFault
 */

/** A body that starts like a certificate and goes on past any sensible size. */
const OVERSIZED_CERTIFICATE = `-----BEGIN CERTIFICATE-----\n${"A".repeat(1024 * 1024)}`

/**
 * @param {import("node:http").ServerResponse} response
 * @param {CertificateFault} fault
 */
function failCertificate(response, fault) {
  if (fault === "reset") return response.destroy()
  if (fault === "oversized") {
    // Chunked, without a Content-Length: only reading it shows how large it is.
    response.writeHead(200, { "Content-Type": "application/x-x509-ca-cert" })
    return response.end(OVERSIZED_CERTIFICATE)
  }
  if (fault === "stalled") {
    response.writeHead(200, { "Content-Type": "application/x-x509-ca-cert" })
    return response.write("-----BEGIN CERTIFICATE-----\n")
  }
  response.writeHead(fault.status).end()
}

/** A fresh signing key, its certificate, and the path it is served at (SNS rotates its certificates). */
function newSigningCertificate() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 })
  return {
    privateKey,
    certificate: selfSignedCertificate({ publicKey, privateKey }),
    path: `/SimpleNotificationService-${randomUUID().replaceAll("-", "")}.pem`,
  }
}

/**
 * @param {{ port?: number, topicArn?: string }} [options]
 */
async function startSnsServer({ port = 0, topicArn = "arn:aws:sns:eu-west-1:123456789012:marketing-ses-events" } = {}) {
  let signing = newSigningCertificate()
  /** @type {{ topicArn: string | null, token: string | null }[]} */
  const confirmations = []
  let certificateDownloads = 0
  /** @type {CertificateFault[]} */
  let certificateFaults = []
  /** @type {number[]} */
  let confirmationFaults = []

  const server = await listen(port, (request, _body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost")
    if (request.method === "GET" && url.pathname === signing.path) {
      certificateDownloads++
      const fault = certificateFaults.shift()
      if (fault) return failCertificate(response, fault)
      response.writeHead(200, { "Content-Type": "application/x-x509-ca-cert" })
      return response.end(signing.certificate)
    }
    if (request.method === "GET" && url.searchParams.get("Action") === "ConfirmSubscription") {
      const fault = confirmationFaults.shift()
      if (fault) return response.writeHead(fault).end()
      confirmations.push({ topicArn: url.searchParams.get("TopicArn"), token: url.searchParams.get("Token") })
      response.writeHead(200, { "Content-Type": "text/xml" })
      return response.end(
        `<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult>` +
          `<SubscriptionArn>${url.searchParams.get("TopicArn")}:${randomUUID()}</SubscriptionArn>` +
          `</ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`
      )
    }
    response.writeHead(404).end()
  })

  /**
   * A message as SNS posts it to an HTTPS subscriber, signed.
   * @param {Record<string, string>} fields Type and what the type carries; the rest is filled in
   * @param {{ signatureVersion?: "1" | "2" }} [options]
   */
  const signed = (fields, { signatureVersion = "2" } = {}) => {
    /** @type {Record<string, string>} */
    const message = {
      MessageId: randomUUID(),
      TopicArn: topicArn,
      Timestamp: new Date().toISOString(),
      SignatureVersion: signatureVersion,
      SigningCertURL: `${server.url}${signing.path}`,
      ...fields,
    }
    return { ...message, Signature: signSnsMessage(message, signing.privateKey) }
  }

  return {
    ...server,
    topicArn,
    get certificateUrl() {
      return `${server.url}${signing.path}`
    },
    confirmations,
    certificateDownloads: () => certificateDownloads,
    /** @param {unknown} message an SES event, JSON-encoded as SNS carries it @param {{ signatureVersion?: "1" | "2" }} [options] */
    notification: (message, options) =>
      signed({ Type: "Notification", Message: JSON.stringify(message), UnsubscribeURL: `${server.url}/?Action=Unsubscribe` }, options),
    subscriptionConfirmation: () => {
      const token = randomUUID().replaceAll("-", "").repeat(4)
      return signed({
        Type: "SubscriptionConfirmation",
        Token: token,
        Message: `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
        SubscribeURL: `${server.url}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topicArn)}&Token=${token}`,
      })
    },
    /** The next certificate downloads fail, one fault each. @param {...CertificateFault} faults */
    failCertificateDownloads(...faults) {
      certificateFaults.push(...faults)
    },
    /** The next confirmations are answered with these HTTP statuses, one each. @param {...number} statuses */
    failConfirmations(...statuses) {
      confirmationFaults.push(...statuses)
    },
    /** Signs from now on with a new key, whose certificate is at a new URL, not yet downloaded by anyone. */
    rotateCertificate() {
      signing = newSigningCertificate()
    },
    reset() {
      confirmations.length = 0
      certificateDownloads = 0
      certificateFaults = []
      confirmationFaults = []
    },
  }
}

module.exports = { signSnsMessage, startSnsServer }
