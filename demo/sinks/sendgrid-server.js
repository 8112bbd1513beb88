// @ts-check
"use strict"
// A local stand-in for SendGrid's v3 Mail Send API, for the demo, tests and benchmarks: the real
// @sendgrid/mail SDK talks to it unchanged. It validates what the plugin relies on the way
// SendGrid does, and keeps accepted requests as their raw JSON (one string per request) so a
// benchmark's 100k recipients cost little memory until someone asks for messages().
const { randomBytes } = require("node:crypto")
const { createFaultQueue, retryAfterHeader, serveJsonApi } = require("./http-sink")

const MAX_PERSONALIZATIONS = 1000
const ERRORS_HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html"
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * @typedef {{ message: string, field: string | null, help: string | null }} SendGridError
 * @typedef {{ email?: unknown, name?: string }} EmailObject
 * @typedef {{ to?: EmailObject[], subject?: string, headers?: Record<string, string>,
 *   substitutions?: Record<string, string>, custom_args?: Record<string, string> }} Personalization
 * @typedef {{ from?: EmailObject, subject?: string, content?: { type: string, value: string }[],
 *   personalizations?: Personalization[], headers?: Record<string, string>,
 *   custom_args?: Record<string, string>, template_id?: string }} MailSendBody
 * @typedef {{ message_id: string, from: string, to: string, subject: string, text?: string, html?: string,
 *   headers: Record<string, string>, custom_args: Record<string, string> }} Delivery
 */

/** @param {string} message @param {string | null} field @param {string | null} [anchor] @returns {SendGridError} */
const error = (message, field, anchor) => ({ message, field, help: anchor ? `${ERRORS_HELP}#${anchor}` : null })

/** @param {unknown} value */
const isNonEmptyString = (value) => typeof value === "string" && value.length > 0

/** @param {EmailObject | undefined} address */
const isValidAddress = (address) => typeof address?.email === "string" && EMAIL.test(address.email)

/**
 * SendGrid's checks for the parts of a request the plugin uses, in its own words.
 * @param {MailSendBody} body
 * @returns {SendGridError[]}
 */
function validateMailSend(body) {
  /** @type {SendGridError[]} */
  const errors = []
  if (!body.from || typeof body.from !== "object") {
    errors.push(
      error(
        "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
        "from",
        "message.from"
      )
    )
  } else if (!isValidAddress(body.from)) {
    errors.push(error("The from email does not contain a valid address.", "from.email", "message.from"))
  }

  const personalizations = Array.isArray(body.personalizations) ? body.personalizations : []
  if (!personalizations.length) {
    errors.push(
      error(
        "The personalizations field is required and must have at least one personalization.",
        "personalizations",
        "message.personalizations"
      )
    )
  } else if (personalizations.length > MAX_PERSONALIZATIONS) {
    errors.push(
      error(
        `The personalizations field must have no more than ${MAX_PERSONALIZATIONS} personalizations.`,
        "personalizations",
        "message.personalizations"
      )
    )
  }
  personalizations.forEach((personalization, index) => {
    const to = personalization?.to
    if (!Array.isArray(to) || !to.length) {
      errors.push(
        error(
          "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
          `personalizations.${index}.to`,
          "message.personalizations.to"
        )
      )
      return
    }
    to.forEach((address, position) => {
      if (!isValidAddress(address)) {
        errors.push(error("Does not contain a valid address.", `personalizations.${index}.to.${position}.email`, null))
      }
    })
  })

  const everyPersonalizationHasSubject =
    personalizations.length > 0 &&
    personalizations.every((personalization) => isNonEmptyString(personalization?.subject))
  if (!isNonEmptyString(body.subject) && !everyPersonalizationHasSubject && !body.template_id) {
    errors.push(
      error(
        "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
        "subject",
        "message.subject"
      )
    )
  }

  const content = Array.isArray(body.content) ? body.content : []
  if (!content.length && !body.template_id) {
    errors.push(
      error(
        "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
        "content",
        "message.content"
      )
    )
  }
  content.forEach((block, index) => {
    if (!isNonEmptyString(block?.value)) {
      errors.push(
        error(
          "The content value must be a string at least one character in length.",
          `content.${index}.value`,
          "message.content.value"
        )
      )
    }
  })
  const plainTextAt = content.findIndex((block) => block?.type === "text/plain")
  if (plainTextAt > 0) {
    errors.push(
      error(
        "If present, text/plain content must be first, followed by text/html, followed by any other content.",
        `content.${plainTextAt}.type`,
        "message.content.type"
      )
    )
  }
  return errors
}

/** @param {string | undefined} value @param {Record<string, string> | undefined} substitutions */
function substitute(value, substitutions) {
  if (value === undefined || !substitutions) return value
  let result = value
  for (const [tag, replacement] of Object.entries(substitutions)) result = result.replaceAll(tag, String(replacement))
  return result
}

/**
 * What SendGrid would deliver for one accepted request: one email per personalization recipient.
 * @param {string} messageId
 * @param {MailSendBody} body
 * @returns {Delivery[]}
 */
function deliveriesOf(messageId, body) {
  const content = body.content ?? []
  const text = content.find((block) => block.type === "text/plain")?.value
  const html = content.find((block) => block.type === "text/html")?.value
  return (body.personalizations ?? []).flatMap((personalization) => {
    const { substitutions } = personalization
    const subject = substitute(personalization.subject ?? body.subject, substitutions) ?? ""
    return (personalization.to ?? []).map((recipient) => ({
      message_id: messageId,
      from: String(body.from?.email),
      to: String(recipient.email),
      subject,
      text: substitute(text, substitutions),
      html: substitute(html, substitutions),
      headers: { ...body.headers, ...personalization.headers },
      custom_args: { ...body.custom_args, ...personalization.custom_args },
    }))
  })
}

/** @param {number} status */
const defaultFaultMessage = (status) =>
  status === 429 ? "too many requests" : status >= 500 ? "internal error" : "Bad Request"

/** @param {string} message @returns {{ errors: SendGridError[] }} */
const errorBody = (message) => ({ errors: [error(message, null)] })

const UNAUTHORIZED = errorBody("The provided authorization grant is invalid, expired, or revoked")


/**
 * @param {{ port?: number, apiKey?: string }} [options] without apiKey any Bearer token is accepted
 */
async function startSendGridServer({ port = 0, apiKey } = {}) {
  /** @type {{ messageId: string, rawBody: string }[]} */
  let accepted = []
  let deliveries = 0
  const faults = createFaultQueue()

  /**
   * @param {string} method @param {string} path @param {string | undefined} authorization @param {string} rawBody
   * @returns {[number, unknown, Record<string, string | number>?]} status, JSON body, headers
   */
  function answer(method, path, authorization, rawBody) {
    if (method !== "POST" || path !== "/v3/mail/send") return [404, errorBody("resource not found")]
    const fault = faults.take()
    if (fault) {
      return [fault.status, errorBody(fault.message ?? defaultFaultMessage(fault.status)), retryAfterHeader(fault)]
    }
    const authorized =
      apiKey === undefined ? /^Bearer \S+$/.test(authorization ?? "") : authorization === `Bearer ${apiKey}`
    if (!authorized) return [401, UNAUTHORIZED]
    /** @type {MailSendBody} */
    let body
    try {
      body = JSON.parse(rawBody)
    } catch {
      return [400, errorBody("Bad Request")]
    }
    if (typeof body !== "object" || body === null) return [400, errorBody("Bad Request")]
    const errors = validateMailSend(body)
    if (errors.length) return [400, { errors }]
    const messageId = randomBytes(16).toString("base64url")
    accepted.push({ messageId, rawBody })
    for (const personalization of body.personalizations ?? []) deliveries += personalization.to?.length ?? 0
    return [202, undefined, { "X-Message-Id": messageId }]
  }

  const server = await serveJsonApi(port, answer)

  return {
    ...server,
    /** Every email SendGrid would have delivered, substitutions applied, oldest first. */
    messages: () => accepted.flatMap(({ messageId, rawBody }) => deliveriesOf(messageId, JSON.parse(rawBody))),
    /** How many emails were accepted, without materializing them. */
    deliveryCount: () => deliveries,
    /**
     * The next `count` requests are answered with `status` (429, 500, 400...) instead.
     * @param {number} count
     * @param {number} status
     * @param {{ retryAfter?: number | string, message?: string }} [details]
     */
    failNext(count, status, details = {}) {
      faults.add(count, { status, ...details })
    },
    reset() {
      server.requests.length = 0
      accepted = []
      deliveries = 0
      faults.clear()
    },
  }
}

module.exports = { startSendGridServer }
