import http from "node:http"
import type { AddressInfo } from "node:net"
import type { OutgoingMessage, RenderedContent } from "../../../types/messaging/providers"

/** What the provider module tests send: campaign emails as the composer hands them to a provider. */
export const SHOP = "https://shop.example.com"

/** Where each token goes: letters and digits of a token's length, as the composer's stand-in is. */
export const TAG = "0a1b2c3d4e5f6a7"
export const tokenOf = (index: number) => `tok${String(index).padStart(4, "0")}.sig${String(index).padStart(4, "0")}`

export function campaignContent(overrides: Partial<RenderedContent> = {}): RenderedContent {
  return {
    subject: "Spring sale",
    html: `<p>Hello</p><a href="${SHOP}/t/${TAG}">Shop now</a><img src="${SHOP}/o/${TAG}.gif">`,
    text: `Hello. Shop now: ${SHOP}/t/${TAG}`,
    tag: TAG,
    ...overrides,
  }
}

/** A campaign email of `content` (shared by the emails rendered alike) whose only per-recipient string is its token. */
export function campaignEmail(index: number, content: RenderedContent, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    id: `mmsg_${index}`,
    idempotency_key: `mcamp_1:mcon_${index}:email:0`,
    channel: "email",
    to: `shopper${index}@example.com`,
    content,
    tracking_token: tokenOf(index),
    headers: {
      "List-Unsubscribe": `<${SHOP}/u/unsub${index}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    ...overrides,
  }
}

/** A port nothing listens on: the listener that held it is closed again. */
export async function refusedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}
