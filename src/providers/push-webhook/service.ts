import { z } from "@medusajs/framework/zod"
import { MessageChannel } from "../../types/messaging/providers"
import type { DeliveryProvider, OutgoingMessage, SendOutcome } from "../../types/messaging/providers"
import { personal } from "../../modules/messaging/lib/personal-content"
import { httpFailure, outcomeFor, unansweredFailure } from "../../modules/messaging/providers/failure"
import { batchSize, httpUrl, requestTimeoutMs } from "../../modules/messaging/providers/option-fields"
import { parseProviderOptions } from "../../modules/messaging/providers/provider-options"
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signPushWebhook } from "./signature"

export const PushWebhookOptions = z.object({
  /** The store's push gateway: it receives each rendered notification and fans it out to devices. */
  url: httpUrl,
  secret: z
    .string({ message: "is required and must be a string" })
    .min(16, { message: "must be at least 16 characters" }),
  batch_size: batchSize(50),
  timeout_ms: requestTimeoutMs,
})
export type PushWebhookOptions = z.infer<typeof PushWebhookOptions>

/** A refusal's body explains it, but a gateway's HTML error page should not flood the message row. */
const REASON_BODY_LIMIT = 300

const payloadOf = (message: OutgoingMessage) =>
  JSON.stringify({
    id: message.id,
    idempotency_key: message.idempotency_key,
    to: message.to,
    title: personal(message, message.content.subject),
    body: personal(message, message.content.text),
    // Push carries no MIME headers: the renderer's key-value extras (deep link...) ride along as data.
    data: message.headers ?? {},
  })

function gatewayMessageId(responseBody: string): string | null {
  try {
    const { id } = JSON.parse(responseBody)
    return typeof id === "string" || typeof id === "number" ? String(id) : null
  } catch {
    return null
  }
}

/** Push notifications handed to the store's own gateway as signed JSON POSTs, a batch concurrently. */
export class PushWebhookProvider implements DeliveryProvider {
  readonly name = "webhook"
  readonly channel = MessageChannel.PUSH
  readonly batchSize: number

  private readonly options: PushWebhookOptions

  static validateOptions(options: Record<string, unknown>): void {
    parseProviderOptions(PushWebhookOptions, options)
  }

  constructor(_container: Record<string, unknown>, rawOptions: Record<string, unknown>) {
    this.options = parseProviderOptions(PushWebhookOptions, rawOptions)
    this.batchSize = this.options.batch_size
  }

  send(messages: OutgoingMessage[]): Promise<SendOutcome[]> {
    return Promise.all(messages.map((message) => this.sendOne(message)))
  }

  private async sendOne(message: OutgoingMessage): Promise<SendOutcome> {
    const body = payloadOf(message)
    const timestamp = String(Math.floor(Date.now() / 1000))
    try {
      const response = await fetch(this.options.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "Idempotency-Key": message.idempotency_key,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signPushWebhook(this.options.secret, timestamp, body),
        },
        body,
        // The gateway is configured by its exact URL: a redirect is a misconfiguration to report, not follow.
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeout_ms),
      })
      const responseBody = await response.text()
      if (response.ok) return { id: message.id, status: "sent", provider_message_id: gatewayMessageId(responseBody) }
      const reason = responseBody ? responseBody.slice(0, REASON_BODY_LIMIT) : response.statusText
      return outcomeFor(message, httpFailure(response.status, reason, response.headers.get("retry-after")))
    } catch (error) {
      return outcomeFor(message, unansweredFailure(error))
    }
  }

  /** fetch's idle keep-alive sockets do not hold the process open. */
  async close(): Promise<void> {}
}
