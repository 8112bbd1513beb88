// @ts-check
"use strict"
// The demo's inbox: the emails the SMTP sink received or the SES stand-in accepted, and the SMS the
// Twilio stand-in accepted, as plain HTML pages. An email's HTML is served exactly as received, so
// its tracked links and open pixel really reach the store when a person clicks or opens it in the
// browser; an SMTP email's raw source (RFC 822) shows every header, e.g. List-Unsubscribe.
const { listen } = require("./http-sink")

/** The newest messages shown; a benchmark's 100k would make a page nobody can use. */
const LIST_LIMIT = 200

/** @param {unknown} value */
const escapeHtml = (value) =>
  String(value ?? "").replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** @param {Date | string} time */
const formatTime = (time) => new Date(time).toLocaleString("en-GB", { hour12: false })

/** @param {string} title @param {string} body */
const page = (title, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #222 }
  nav a { margin-right: 1rem } table { border-collapse: collapse; width: 100%; margin-top: 1rem }
  th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top }
  th { background: #f5f5f5 } .muted { color: #777 }
</style></head>
<body><nav><a href="/">Email</a><a href="/sms">SMS</a></nav><h1>${escapeHtml(title)}</h1>${body}</body></html>`

/** @param {string[]} headings @param {string[][]} rows cells are already HTML */
const table = (headings, rows) =>
  rows.length
    ? `<table><tr>${headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join("")}</tr>${rows
        .map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join("")}</tr>`)
        .join("")}</table>`
    : `<p class="muted">Nothing received yet.</p>`

/** @param {number} total */
const shownOf = (total) =>
  total > LIST_LIMIT ? `<p class="muted">${total} received; the newest ${LIST_LIMIT} are shown.</p>` : ""

/** @param {import("./smtp-sink").ReceivedEmail} email */
async function emailRow(email) {
  const parsed = email.raw ? await email.parsed() : null
  const subject = parsed ? parsed.subject : email.headers.subject
  const from = parsed?.from?.text ?? email.headers.from ?? email.envelope.from
  const links = parsed
    ? `<a href="/emails/${email.id}">HTML</a> · <a href="/emails/${email.id}/text">Text</a> · <a href="/emails/${email.id}/raw">Raw</a>`
    : `<span class="muted">not kept</span>`
  return [
    escapeHtml(formatTime(email.receivedAt)),
    escapeHtml(from),
    escapeHtml(email.envelope.to.join(", ")),
    escapeHtml(subject ?? "(no subject)"),
    links,
  ]
}

/**
 * SES takes an email's parts, not a MIME message: there is no raw source to offer.
 * @param {import("./ses-server").SesEmail} email
 */
const sesEmailRow = (email) => [
  escapeHtml(formatTime(email.received_at)),
  escapeHtml(email.from),
  escapeHtml(email.to.join(", ")),
  escapeHtml(email.subject || "(no subject)"),
  `<a href="/ses-emails/${escapeHtml(email.message_id)}">HTML</a> · <a href="/ses-emails/${escapeHtml(email.message_id)}/text">Text</a>`,
]

/**
 * @param {{ port?: number, smtp?: { messages(): import("./smtp-sink").ReceivedEmail[] },
 *   ses?: { messages(): import("./ses-server").SesEmail[] },
 *   twilio?: { messages(): import("./twilio-server").SentSms[] } }} options
 */
async function startWebInbox({ port = 0, smtp, ses, twilio }) {
  /** @returns {Promise<[number, string, string | Buffer, Record<string, string>?]>} status, content type, body, other headers */
  async function render(/** @type {string} */ path) {
    const html = "text/html; charset=utf-8"
    if (path === "/") {
      const emails = smtp?.messages() ?? []
      const sesEmails = ses?.messages() ?? []
      const rows = [
        ...(await Promise.all(emails.slice(-LIST_LIMIT).reverse().map(emailRow))),
        ...sesEmails.slice(-LIST_LIMIT).reverse().map(sesEmailRow),
      ].slice(0, LIST_LIMIT)
      const total = emails.length + sesEmails.length
      const body =
        smtp || ses
          ? shownOf(total) + table(["Received", "From", "To", "Subject", "View"], rows)
          : `<p class="muted">No SMTP sink or SES stand-in attached.</p>`
      return [200, html, page(`Email (${total})`, body)]
    }
    if (path === "/sms") {
      const sent = twilio?.messages() ?? []
      const rows = sent
        .slice(-LIST_LIMIT)
        .reverse()
        .map((sms) => [
          escapeHtml(formatTime(sms.date_created)),
          escapeHtml(sms.from ?? sms.messaging_service_sid),
          escapeHtml(sms.to),
          escapeHtml(sms.body),
          `<span class="muted">${escapeHtml(sms.sid)}</span>`,
        ])
      const body = twilio
        ? shownOf(sent.length) + table(["Received", "From", "To", "Body", "SID"], rows)
        : `<p class="muted">No Twilio server attached.</p>`
      return [200, html, page(`SMS (${sent.length})`, body)]
    }
    const sesMatch = /^\/ses-emails\/([^/]+)(?:\/(text))?$/.exec(path)
    const sesEmail = sesMatch && ses?.messages().find((candidate) => candidate.message_id === sesMatch[1])
    if (sesEmail) {
      if (sesMatch[2] === "text") return [200, "text/plain; charset=utf-8", sesEmail.text ?? ""]
      return [200, html, sesEmail.html || page(sesEmail.subject || "(no subject)", `<pre>${escapeHtml(sesEmail.text)}</pre>`)]
    }
    const match = /^\/emails\/([^/]+)(?:\/(text|raw))?$/.exec(path)
    const email = match && smtp?.messages().find((candidate) => candidate.id === match[1])
    if (!match || !email?.raw) return [404, html, page("Not found", `<p><a href="/">Back to the inbox</a></p>`)]
    if (match[2] === "raw") {
      return [200, "message/rfc822", email.raw, { "Content-Disposition": `attachment; filename="email-${email.id}.eml"` }]
    }
    const parsed = await email.parsed()
    if (match[2] === "text") return [200, "text/plain; charset=utf-8", parsed.text ?? ""]
    // Served as received: this page is the email a shopper would see, tracked links and all.
    return [200, html, parsed.html || page(parsed.subject ?? "(no subject)", `<pre>${escapeHtml(parsed.text)}</pre>`)]
  }

  return listen(port, (request, _body, response) => {
    render((request.url ?? "/").split("?")[0]).then(
      ([status, type, body, headers]) => {
        response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers })
        response.end(body)
      },
      (error) => {
        response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" })
        response.end(String(error?.stack ?? error))
      }
    )
  })
}

module.exports = { startWebInbox }
