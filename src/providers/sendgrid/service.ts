import { z } from "@medusajs/framework/zod"
import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { MessageChannel } from "../../types/messaging/providers"
import type { DeliveryProvider, OutgoingMessage, SendOutcome } from "../../types/messaging/providers"
import { httpFailure, outcomeFor, unansweredFailure } from "../../modules/messaging/providers/failure"
import { mapConcurrently } from "../../modules/messaging/providers/map-concurrently"
import { batchBySharedContent, type SharedContentBatch } from "../../modules/messaging/providers/shared-content-batches"
import { baseUrl, batchSize, emailSender, requestTimeoutMs, requiredString } from "../../modules/messaging/providers/option-fields"
import { parseProviderOptions } from "../../modules/messaging/providers/provider-options"
import { SendGridWebhookRequest, verifySendGridWebhook } from "../../modules/messaging/lib/webhooks/sendgrid"
import { WebhookSignatureError } from "../../modules/messaging/lib/webhooks/errors"

/** The most personalizations SendGrid accepts in one /v3/mail/send request. */
const MAX_PERSONALIZATIONS = 1000

export const SendGridOptions = z.object({
  api_key: requiredString,
  from: emailSender,
  /** Only changed to reach a local stand-in (demo, tests) or a regional host. */
  base_url: baseUrl.default("https://api.sendgrid.com"),
  batch_size: batchSize(MAX_PERSONALIZATIONS, MAX_PERSONALIZATIONS),
  timeout_ms: requestTimeoutMs,
  /** The Signed Event Webhook's verification key (base64); without it the event webhook is refused. */
  webhook_public_key: z.string().min(1).optional(),
})
export type SendGridOptions = z.infer<typeof SendGridOptions>

/** The SDK wraps substitution keys in these, so `mk_token` is substituted where `%mk_token%` stands. */
const SUBSTITUTION_WRAPPER = "%"
const TOKEN_KEY = "mk_token"
const TOKEN_TAG = `${SUBSTITUTION_WRAPPER}${TOKEN_KEY}${SUBSTITUTION_WRAPPER}`

/** Personalized content defeats batching (one request per message): keep several in flight. */
const PARALLEL_REQUESTS = 8

/** What the SDK rejects with once SendGrid answered with a status of 400 or more. */
interface SendGridResponseError {
  code: number
  message: string
  response: { headers: Record<string, string>; body: unknown }
}

const isResponseError = (error: unknown): error is SendGridResponseError => {
  const candidate = error as Partial<SendGridResponseError> | undefined
  return typeof candidate?.code === "number" && typeof candidate.response === "object"
}

/** SendGrid explains a refusal in `{ errors: [{ message, field, help }] }`; its words are the reason. */
function refusalReason(error: SendGridResponseError): string {
  const { body } = error.response
  const errors = (body as { errors?: { message?: string; field?: string | null }[] } | null)?.errors
  const explained = Array.isArray(errors) ? errors.filter((entry) => entry?.message) : []
  if (!explained.length) return error.message
  return explained.map(({ message, field }) => (field ? `${message} (${field})` : message)).join("; ")
}

const personalizationFor = (tagged: boolean) => (message: OutgoingMessage) => ({
  to: message.to,
  ...(tagged && message.tracking_token && { substitutions: { [TOKEN_KEY]: message.tracking_token } }),
  // Event webhooks echo custom_args back: the key to our message row.
  customArgs: { marketing_message_id: message.id, idempotency_key: message.idempotency_key },
  ...(message.headers && { headers: message.headers }),
})

/**
 * Email through SendGrid's v3 Mail Send API. Messages whose content differs only by their
 * tracking token go out together, one personalization each, so a campaign costs one request
 * per 1000 recipients instead of one per recipient.
 */
export class SendGridProvider implements DeliveryProvider {
  readonly name = "sendgrid"
  readonly channel = MessageChannel.EMAIL
  readonly batchSize: number
  // A dedicated service and client rather than the SDK's singletons, so two configurations coexist.
  private readonly mail = new MailService()

  private readonly options: SendGridOptions

  static validateOptions(options: Record<string, unknown>): void {
    parseProviderOptions(SendGridOptions, options)
  }

  constructor(_container: Record<string, unknown>, rawOptions: Record<string, unknown>) {
    const options = (this.options = parseProviderOptions(SendGridOptions, rawOptions))
    this.batchSize = options.batch_size
    const client = new Client()
    client.setApiKey(options.api_key)
    // setApiKey resets the base URL to the region's host, so the override has to come after it.
    client.setDefaultRequest("baseUrl", options.base_url)
    this.mail.setClient(client)
    this.mail.setTimeout(options.timeout_ms)
    this.mail.setSubstitutionWrappers(SUBSTITUTION_WRAPPER, SUBSTITUTION_WRAPPER)
  }

  async send(messages: OutgoingMessage[]): Promise<SendOutcome[]> {
    const batches = batchBySharedContent(messages, this.batchSize)
    const outcomes = await mapConcurrently(batches, PARALLEL_REQUESTS, (batch) => this.sendBatch(batch))
    return outcomes.flat()
  }

  /** SendGrid accepts or refuses a request as a whole, so every message in it shares the outcome. */
  private async sendBatch({ content, messages }: SharedContentBatch): Promise<SendOutcome[]> {
    const { tag } = content
    const withSubstitution = <T extends string | undefined>(part: T) => (tag && part ? part.replaceAll(tag, TOKEN_TAG) : part) as T
    try {
      const [response] = await this.mail.send({
        from: this.options.from,
        subject: withSubstitution(content.subject),
        text: withSubstitution(content.text),
        html: withSubstitution(content.html),
        personalizations: messages.map(personalizationFor(Boolean(tag))),
        // The plugin tracks opens and clicks itself; SendGrid's own would rewrite our links again.
        trackingSettings: { clickTracking: { enable: false, enableText: false }, openTracking: { enable: false } },
      })
      // One id per request: SendGrid's events tell recipients apart by our custom_args.
      const provider_message_id: string | null = response.headers?.["x-message-id"] ?? null
      return messages.map((message) => ({ id: message.id, status: "sent", provider_message_id }))
    } catch (error) {
      const failure = isResponseError(error)
        ? httpFailure(error.code, refusalReason(error), error.response.headers?.["retry-after"])
        : unansweredFailure(error)
      return messages.map((message) => outcomeFor(message, failure))
    }
  }

  /** Returns when SendGrid signed this event webhook request with the configured key; throws WebhookSignatureError otherwise. */
  verifyWebhook(request: Omit<SendGridWebhookRequest, "publicKey">): void {
    const publicKey = this.options.webhook_public_key
    if (!publicKey) throw new WebhookSignatureError("no SendGrid webhook_public_key is configured")
    verifySendGridWebhook({ ...request, publicKey })
  }

  /** Requests go through Node's shared keep-alive agent: nothing of ours stays open. */
  async close(): Promise<void> {}
}
