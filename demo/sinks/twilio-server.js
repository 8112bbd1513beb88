// @ts-check
"use strict"
// A local stand-in for Twilio's Programmable Messaging API (Create a Message), for the demo, tests
// and benchmarks: the real twilio SDK talks to it unchanged and gets Twilio-shaped answers.
const { randomBytes } = require("node:crypto")
const { createFaultQueue, listen, retryAfterHeader, sendJson } = require("./http-sink")

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/
const E164 = /^\+[1-9]\d{6,14}$/
const MESSAGING_SERVICE_SID = /^MG[0-9a-f]{32}$/i
/** Twilio's documented test number that always fails as invalid. */
const INVALID_TEST_NUMBER = "+15005550001"

/**
 * @typedef {{ sid: string, account_sid: string, to: string, from: string | null, messaging_service_sid: string | null,
 *   body: string, status_callback: string | null, status: string, date_created: string }} SentSms
 */

/** @param {number} code @param {string} message @param {number} status */
const twilioError = (code, message, status) => ({
  code,
  message,
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
})

/** @param {number} status */
const defaultFaultMessage = (status) =>
  status === 429 ? "Too Many Requests" : status >= 500 ? "Service unavailable" : "Bad Request"

/** Twilio numbers its HTTP-level errors 20000 + status (20429, 20503...). @param {import("./http-sink").Fault} fault */
const faultBody = (fault) =>
  twilioError(fault.code ?? 20000 + fault.status, fault.message ?? defaultFaultMessage(fault.status), fault.status)

/** Twilio's checks for a message create request, with its error codes and wording. @param {URLSearchParams} form */
function validateMessage(form) {
  const to = form.get("To")
  if (!to) return twilioError(21604, "A 'To' phone number is required.", 400)
  if (!E164.test(to) || to === INVALID_TEST_NUMBER) {
    return twilioError(21211, `The 'To' number ${to} is not a valid phone number.`, 400)
  }
  const service = form.get("MessagingServiceSid")
  if (!form.get("From") && !service) return twilioError(21603, "A 'From' phone number is required.", 400)
  if (service && !MESSAGING_SERVICE_SID.test(service)) {
    return twilioError(21701, `The Messaging Service Sid ${service} is invalid.`, 400)
  }
  if (!form.get("Body")) return twilioError(21602, "Message body is required.", 400)
  return null
}

/** @param {SentSms} sms */
function messageResource(sms) {
  const uri = `/2010-04-01/Accounts/${sms.account_sid}/Messages/${sms.sid}.json`
  return {
    ...sms,
    api_version: "2010-04-01",
    date_updated: sms.date_created,
    date_sent: null,
    direction: "outbound-api",
    error_code: null,
    error_message: null,
    num_media: "0",
    num_segments: String(Math.max(1, Math.ceil(sms.body.length / 160))),
    price: null,
    price_unit: "USD",
    uri,
    subresource_uris: { media: uri.replace(/\.json$/, "/Media.json") },
  }
}

/**
 * @param {{ port?: number, accountSid: string, authToken: string }} options
 */
async function startTwilioServer({ port = 0, accountSid, authToken }) {
  if (!accountSid || !authToken) throw new Error("startTwilioServer needs the accountSid and authToken it accepts")
  const expectedAuthorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`
  /**
   * @type {{ method: string, path: string, headers: import("node:http").IncomingHttpHeaders, status: number,
   *   form: URLSearchParams }[]}
   */
  const requests = []
  /** @type {SentSms[]} */
  const sent = []
  const faults = createFaultQueue()

  /**
   * @param {string} method @param {string} path @param {string | undefined} authorization @param {URLSearchParams} form
   * @returns {[number, unknown, Record<string, string | number>?]} status, JSON body, headers
   */
  function answer(method, path, authorization, form) {
    const match = MESSAGES_PATH.exec(path)
    if (method !== "POST" || !match) {
      return [404, twilioError(20404, `The requested resource ${path} was not found`, 404)]
    }
    const fault = faults.take()
    if (fault) return [fault.status, faultBody(fault), retryAfterHeader(fault)]
    if (authorization !== expectedAuthorization || match[1] !== accountSid) {
      return [401, twilioError(20003, "Authenticate", 401)]
    }
    const invalid = validateMessage(form)
    if (invalid) return [400, invalid]
    /** @type {SentSms} */
    const sms = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      account_sid: accountSid,
      to: String(form.get("To")),
      from: form.get("From"),
      messaging_service_sid: form.get("MessagingServiceSid"),
      body: String(form.get("Body")),
      status_callback: form.get("StatusCallback"),
      status: "queued",
      date_created: new Date().toUTCString().replace("GMT", "+0000"),
    }
    sent.push(sms)
    return [201, messageResource(sms)]
  }

  const server = await listen(port, (request, rawBody, response) => {
    const path = (request.url ?? "").split("?")[0]
    const form = new URLSearchParams(rawBody)
    const [status, payload, headers] = answer(request.method ?? "", path, request.headers.authorization, form)
    requests.push({ method: request.method ?? "", path, headers: request.headers, status, form })
    sendJson(response, status, payload, headers)
  })

  return {
    ...server,
    accountSid,
    requests,
    /** The messages Twilio accepted, oldest first. */
    messages: () => [...sent],
    /**
     * The next `count` requests are answered with `status` (429, 503, 400...) and a Twilio error body instead.
     * @param {number} count
     * @param {number} status
     * @param {{ retryAfter?: number | string, code?: number, message?: string }} [details]
     */
    failNext(count, status, details = {}) {
      faults.add(count, { status, ...details })
    },
    reset() {
      requests.length = 0
      sent.length = 0
      faults.clear()
    },
  }
}

module.exports = { startTwilioServer }
