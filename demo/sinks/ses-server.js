// @ts-check
"use strict"
// A local stand-in for Amazon SES's v2 SendEmail API (POST /v2/email/outbound-emails), for the
// demo and tests: the real @aws-sdk/client-sesv2 talks to it through its `endpoint` option and gets
// SES-shaped answers and errors (restJson1: the error's name in x-amzn-ErrorType, its words in the
// body's `message`). It checks the parts of a request the plugin relies on as SES does.
const { randomBytes } = require("node:crypto")
const { createFaultQueue, retryAfterHeader, serveJsonApi } = require("./http-sink")

const SEND_EMAIL_PATH = "/v2/email/outbound-emails"
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
/** SES's rule for message tag names and values. */
const TAG_TEXT = /^[A-Za-z0-9_-]{1,256}$/

/**
 * @typedef {{ message_id: string, received_at: Date, from: string, to: string[], subject: string, text?: string, html?: string,
 *   headers: Record<string, string>, tags: Record<string, string>, configuration_set: string | null }} SesEmail
 * @typedef {{ Data?: string, Charset?: string }} SesContent
 * @typedef {{ FromEmailAddress?: string, Destination?: { ToAddresses?: string[] },
 *   Content?: { Simple?: { Subject?: SesContent, Body?: { Text?: SesContent, Html?: SesContent },
 *   Headers?: { Name: string, Value: string }[] } }, EmailTags?: { Name: string, Value: string }[],
 *   ConfigurationSetName?: string }} SendEmailRequest
 */

/** @param {number} status */
const faultName = (status) =>
  status === 429 ? "TooManyRequestsException" : status >= 500 ? "InternalServiceErrorException" : "MessageRejected"

/** @param {number} status */
const defaultFaultMessage = (status) =>
  status === 429 ? "Maximum sending rate exceeded." : status >= 500 ? "Internal service error." : "Email address is not verified."

/** The address inside `Name <address>`, or the whole text. @param {string} address */
const bareAddress = (address) => /<([^>]*)>\s*$/.exec(address)?.[1] ?? address

/**
 * SES's checks, in its words: an error name and message, or null when SES would send it.
 * @param {SendEmailRequest} body @param {string[] | undefined} configurationSets
 * @returns {[number, string, string] | null}
 */
function validateSendEmail(body, configurationSets) {
  if (!body.FromEmailAddress) return [400, "BadRequestException", "Missing required parameter FromEmailAddress."]
  if (!EMAIL.test(bareAddress(body.FromEmailAddress))) return [400, "BadRequestException", "Missing final '@domain'"]
  const to = body.Destination?.ToAddresses ?? []
  if (!to.length) return [400, "BadRequestException", "Missing required parameter Destination.ToAddresses."]
  if (to.some((address) => !EMAIL.test(bareAddress(address)))) return [400, "BadRequestException", "Missing final '@domain'"]
  const simple = body.Content?.Simple
  if (!simple) return [400, "BadRequestException", "Missing required parameter Content."]
  if (!simple.Subject?.Data) return [400, "BadRequestException", "Missing required parameter Content.Simple.Subject."]
  if (!simple.Body?.Text?.Data && !simple.Body?.Html?.Data) {
    return [400, "BadRequestException", "Missing required parameter Content.Simple.Body."]
  }
  for (const tag of body.EmailTags ?? []) {
    if (!TAG_TEXT.test(tag.Name) || !TAG_TEXT.test(tag.Value)) {
      return [400, "BadRequestException", `Invalid tag ${tag.Name}: names and values are letters, digits, '_' and '-' only.`]
    }
  }
  const set = body.ConfigurationSetName
  if (set !== undefined && configurationSets && !configurationSets.includes(set)) {
    return [404, "NotFoundException", `Configuration set <${set}> does not exist.`]
  }
  return null
}

/** @param {string} messageId @param {SendEmailRequest} body @returns {SesEmail} */
const emailOf = (messageId, body) => ({
  message_id: messageId,
  received_at: new Date(),
  from: String(body.FromEmailAddress),
  to: body.Destination?.ToAddresses ?? [],
  subject: body.Content?.Simple?.Subject?.Data ?? "",
  text: body.Content?.Simple?.Body?.Text?.Data,
  html: body.Content?.Simple?.Body?.Html?.Data,
  headers: Object.fromEntries((body.Content?.Simple?.Headers ?? []).map(({ Name, Value }) => [Name, Value])),
  tags: Object.fromEntries((body.EmailTags ?? []).map(({ Name, Value }) => [Name, Value])),
  configuration_set: body.ConfigurationSetName ?? null,
})

/** SES message ids look like 010001...-...-000000. */
const newMessageId = () => `0100${randomBytes(6).toString("hex")}-${randomBytes(16).toString("hex")}-000000`

/**
 * @param {{ port?: number, accessKeyId?: string, configurationSets?: string[] }} [options] without accessKeyId
 *   any SigV4-signed request is accepted; without configurationSets any set name is
 */
async function startSesServer({ port = 0, accessKeyId, configurationSets } = {}) {
  /** @type {SesEmail[]} */
  let emails = []
  const faults = createFaultQueue()

  /**
   * @param {string} method @param {string} path @param {string | undefined} authorization @param {string} rawBody
   * @returns {[number, Record<string, unknown>, Record<string, string | number>]}
   */
  function answer(method, path, authorization, rawBody) {
    const error = (/** @type {number} */ status, /** @type {string} */ name, /** @type {string} */ message, headers = {}) =>
      /** @type {[number, Record<string, unknown>, Record<string, string | number>]} */ ([
        status,
        { message },
        { "x-amzn-ErrorType": name, ...headers },
      ])
    if (method !== "POST" || path !== SEND_EMAIL_PATH) return error(404, "NotFoundException", "Resource not found.")
    const credential = /^AWS4-HMAC-SHA256 Credential=([^/]+)\//.exec(authorization ?? "")?.[1]
    if (!credential || (accessKeyId !== undefined && credential !== accessKeyId)) {
      return error(403, "UnrecognizedClientException", "The security token included in the request is invalid.")
    }
    const fault = faults.take()
    if (fault) {
      return error(fault.status, fault.name ?? faultName(fault.status), fault.message ?? defaultFaultMessage(fault.status), retryAfterHeader(fault))
    }
    /** @type {SendEmailRequest} */
    let body
    try {
      body = JSON.parse(rawBody)
    } catch {
      return error(400, "SerializationException", "Malformed request body.")
    }
    const refusal = validateSendEmail(body, configurationSets)
    if (refusal) return error(...refusal)
    const messageId = newMessageId()
    emails.push(emailOf(messageId, body))
    return [200, { MessageId: messageId }, {}]
  }

  const server = await serveJsonApi(port, answer)

  return {
    ...server,
    /** Every email SES accepted, oldest first. */
    messages: () => emails,
    /**
     * The next `count` requests are answered with `status` (429, 500, 400...) instead.
     * @param {number} count @param {number} status
     * @param {{ retryAfter?: number | string, message?: string, name?: string }} [details] name: SES's error name
     */
    failNext(count, status, details = {}) {
      faults.add(count, { status, ...details })
    },
    reset() {
      emails = []
      server.requests.length = 0
      faults.clear()
    },
  }
}

module.exports = { startSesServer }
