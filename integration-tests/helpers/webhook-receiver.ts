import { createHmac } from "node:crypto"
import { createServer, IncomingMessage, Server } from "node:http"
import { AddressInfo } from "node:net"

export type ReceivedWebhook = { headers: IncomingMessage["headers"]; body: string }

/** A real HTTP receiver for webhooks: answers each request with the next status of its script (then 200). */
export async function startWebhookReceiver(statuses: number[] = [], path = "/hooks/journey") {
  const received: ReceivedWebhook[] = []
  const server: Server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      received.push({ headers: req.headers, body })
      res.writeHead(statuses[received.length - 1] ?? 200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Checks a received webhook's signature as a receiver would: HMAC-SHA256 of `<t>.<body>` with its secret, and a recent `t`. */
export function expectSignedWith({ headers, body }: ReceivedWebhook, secret: string) {
  const [, timestamp, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers["x-marketing-signature"]))!
  expect(signature).toBe(createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex"))
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(120)
}
