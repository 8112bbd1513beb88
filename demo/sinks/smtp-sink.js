// @ts-check
"use strict"
// A local SMTP server that accepts every email (any credentials, no TLS) and keeps it for the
// demo inbox and for tests. Parsing with mailparser happens only when a message is looked at,
// and `{ parse: false }` drops the raw message entirely so a benchmark stays cheap.
const { SMTPServer } = require("smtp-server")
const { simpleParser } = require("mailparser")
const { startWebInbox } = require("./web-inbox")

const HEADER_END = Buffer.from("\r\n\r\n")

/** @typedef {"rcpt" | "data"} SmtpStage */
/** @typedef {{ code: number, message: string, stage: SmtpStage }} SmtpFault */

/** @type {Record<number, string>} */
const DEFAULT_REPLIES = {
  421: "4.3.2 Service not available, closing transmission channel",
  450: "4.2.0 Mailbox temporarily unavailable",
  451: "4.3.0 Temporary local problem, try again later",
  452: "4.3.1 Insufficient system storage",
  550: "5.1.1 Mailbox unavailable",
  552: "5.3.4 Message size exceeds fixed limit",
  554: "5.7.1 Message rejected",
}

/**
 * Header block → lower-cased name → unfolded value; a repeated header keeps its last value.
 * @param {string} block
 * @returns {Record<string, string>}
 */
function parseHeaderBlock(block) {
  /** @type {Record<string, string>} */
  const headers = {}
  for (const line of block.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":")
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return headers
}

class ReceivedEmail {
  /**
   * @param {string} id
   * @param {{ from: string, to: string[] }} envelope
   * @param {Record<string, string>} headers raw header values (encoded words not decoded)
   * @param {number} size bytes
   * @param {Buffer | null} raw null when the sink was started with { parse: false }
   */
  constructor(id, envelope, headers, size, raw) {
    this.id = id
    this.receivedAt = new Date()
    this.envelope = envelope
    this.headers = headers
    this.size = size
    this.raw = raw
    /** @type {Promise<import("mailparser").ParsedMail> | null} */
    this.parsing = null
  }

  /** The full message as mailparser reads it (html, text, decoded headers), parsed once on first use. */
  parsed() {
    if (!this.raw) {
      return Promise.reject(new Error("the SMTP sink was started with { parse: false }: no raw message kept"))
    }
    this.parsing ??= simpleParser(this.raw)
    return this.parsing
  }
}

/**
 * @param {{ port?: number, webPort?: number, parse?: boolean, delayMs?: number }} [options]
 *   webPort: also serve the web inbox for these emails there;
 *   delayMs: answer each message that much later, like a busy server (tests kill a worker mid-send)
 */
async function startSmtpSink({ port = 0, webPort, parse = true, delayMs = 0 } = {}) {
  /** @type {ReceivedEmail[]} */
  const received = []
  /** @type {SmtpFault[]} */
  let faults = []
  let nextId = 1

  /** @param {SmtpStage} stage */
  function takeFault(stage) {
    if (faults[0]?.stage !== stage) return null
    const fault = /** @type {SmtpFault} */ (faults.shift())
    return Object.assign(new Error(fault.message), { responseCode: fault.code })
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // A reverse DNS lookup per connection tells a local sink nothing and costs a third of its throughput.
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username })
    },
    onRcptTo(_address, _session, callback) {
      callback(takeFault("rcpt"))
    },
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = []
      let size = 0
      /** @type {Record<string, string> | null} */
      let headers = null
      let head = Buffer.alloc(0)
      stream.on("data", (/** @type {Buffer} */ chunk) => {
        size += chunk.length
        if (parse) chunks.push(chunk)
        if (headers) return
        head = Buffer.concat([head, chunk])
        const end = head.indexOf(HEADER_END)
        if (end >= 0) headers = parseHeaderBlock(head.subarray(0, end).toString("utf8"))
      })
      stream.on("end", () => {
        const fault = takeFault("data")
        if (fault) return callback(fault)
        const id = String(nextId++)
        const mailFrom = session.envelope.mailFrom
        const envelope = {
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        }
        const raw = parse ? Buffer.concat(chunks) : null
        const accept = () => {
          received.push(new ReceivedEmail(id, envelope, headers ?? parseHeaderBlock(head.toString("utf8")), size, raw))
          callback(null, `2.0.0 Ok: queued as ${id}`)
        }
        if (delayMs) setTimeout(accept, delayMs)
        else accept()
      })
    },
  })

  await new Promise((resolve, reject) => {
    server.server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve(undefined))
  })
  // A client that dies mid-message (a delivery worker killed in a test) resets its connection: the
  // sink carries on, as a mail server does, instead of failing whoever started it.
  server.on("error", (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error
  })
  const address = /** @type {import("node:net").AddressInfo} */ (server.server.address())

  const sink = {
    host: "127.0.0.1",
    port: address.port,
    /** Emails received, oldest first. */
    messages: () => [...received],
    /**
     * The next `count` RCPT TO (or DATA, with { on: "data" }) commands are answered with `code`.
     * @param {number} count @param {number} code e.g. 451 (try later) or 550 (mailbox unavailable)
     * @param {string} [message] @param {{ on?: SmtpStage }} [options]
     */
    failNext(count, code, message = DEFAULT_REPLIES[code] ?? "Rejected", { on = "rcpt" } = {}) {
      for (let i = 0; i < count; i++) faults.push({ code, message, stage: on })
    },
    reset() {
      received.length = 0
      faults = []
    },
    /** @type {string | null} */
    webUrl: null,
    async close() {
      await inbox?.close()
      // Pooled clients keep their connections open and smtp-server would wait 30 s for them.
      for (const connection of server.connections) {
        connection.send(421, "Server shutting down")
        connection.close()
      }
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    },
  }
  const inbox = webPort === undefined ? null : await startWebInbox({ port: webPort, smtp: sink })
  sink.webUrl = inbox?.url ?? null
  return sink
}

module.exports = { startSmtpSink, ReceivedEmail }
