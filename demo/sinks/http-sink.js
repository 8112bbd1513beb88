// @ts-check
"use strict"
// What the local HTTP stand-ins share: listening on a free port, reading bodies, answering JSON,
// and a queue of injected failures for the next requests.
const http = require("node:http")

/**
 * @typedef {{ status: number, retryAfter?: number | string, message?: string, code?: number, name?: string }} Fault
 * @typedef {(request: http.IncomingMessage, body: string, response: http.ServerResponse) => void} Handler
 */

/** @param {http.IncomingMessage} request @returns {Promise<string>} */
function readBody(request) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    request.on("data", (chunk) => chunks.push(chunk))
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })
}

/**
 * @param {http.ServerResponse} response
 * @param {number} status
 * @param {unknown} [payload] omitted for an empty body
 * @param {Record<string, string | number>} [headers]
 */
function sendJson(response, status, payload, headers = {}) {
  const body = payload === undefined ? "" : JSON.stringify(payload)
  response.writeHead(status, {
    ...(body && { "Content-Type": "application/json" }),
    "Content-Length": Buffer.byteLength(body),
    ...headers,
  })
  response.end(body)
}

/** The next `count` requests get `fault` instead of being handled. */
function createFaultQueue() {
  /** @type {Fault[]} */
  let pending = []
  return {
    /** @param {number} count @param {Fault} fault */
    add(count, fault) {
      for (let i = 0; i < count; i++) pending.push(fault)
    },
    /** @returns {Fault | undefined} */
    take: () => pending.shift(),
    clear() {
      pending = []
    },
  }
}

/** @param {Fault} fault @returns {Record<string, string | number>} */
const retryAfterHeader = (fault) => (fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter })

/**
 * Serves `handle` on 127.0.0.1 at `port` (0: a free one).
 * @param {number} port
 * @param {Handler} handle
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
async function listen(port, handle) {
  const server = http.createServer((request, response) => {
    readBody(request).then(
      (body) => handle(request, body, response),
      () => response.destroy()
    )
  })
  await new Promise((resolve, reject) => {
    server.once("error", reject)
    server.listen(port, "127.0.0.1", () => resolve(undefined))
  })
  const address = /** @type {import("node:net").AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close() {
      // Clients keep idle sockets alive; without this, close() would wait for them to time out.
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * @typedef {{ method: string, path: string, headers: import("node:http").IncomingHttpHeaders, status: number, rawBody: string, readonly body: any }} JsonRequest
 * @typedef {(method: string, path: string, authorization: string | undefined, rawBody: string) => [number, unknown, Record<string, string | number>?]} JsonAnswer
 */

/**
 * A JSON API stand-in (SendGrid's, SES's): serves `answer`'s [status, payload, headers] for each request,
 * and keeps every request, oldest first, with its JSON body parsed when read.
 * @param {number} port
 * @param {JsonAnswer} answer
 */
async function serveJsonApi(port, answer) {
  /** @type {JsonRequest[]} */
  const requests = []
  const server = await listen(port, (request, rawBody, response) => {
    const path = (request.url ?? "").split("?")[0]
    const [status, payload, headers] = answer(request.method ?? "", path, request.headers.authorization, rawBody)
    requests.push({
      method: request.method ?? "",
      path,
      headers: request.headers,
      status,
      rawBody,
      get body() {
        return JSON.parse(rawBody)
      },
    })
    sendJson(response, status, payload, headers)
  })
  return { ...server, requests }
}

module.exports = { createFaultQueue, listen, retryAfterHeader, sendJson, serveJsonApi }
