import { z } from "@medusajs/framework/zod"
import twilio from "twilio"
import { MessageChannel } from "../../types/messaging/providers"
import type { DeliveryProvider, OutgoingMessage, SendOutcome } from "../../types/messaging/providers"
import { personal } from "../../modules/messaging/lib/personal-content"
import { httpFailure, outcomeFor, unansweredFailure } from "../../modules/messaging/providers/failure"
import { baseUrl, batchSize, httpUrl, requestTimeoutMs, requiredString } from "../../modules/messaging/providers/option-fields"
import { parseProviderOptions } from "../../modules/messaging/providers/provider-options"
import { TwilioWebhookRequest, verifyTwilioWebhook } from "../../modules/messaging/lib/webhooks/twilio"
import { RebasedRequestClient } from "./rebased-request-client"

const sid = (prefix: string, what: string) =>
  z.string({ message: `must be a ${what}` }).regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), {
    message: `must be a ${what}: '${prefix}' followed by 32 hex characters`,
  })

export const TwilioOptions = z
  .object({
    account_sid: sid("AC", "Twilio Account SID"),
    auth_token: requiredString,
    from: z
      .string({ message: "must be a phone number" })
      .regex(/^\+[1-9]\d{6,14}$/, { message: "must be an E.164 phone number such as '+14155550100'" })
      .optional(),
    messaging_service_sid: sid("MG", "Messaging Service SID").optional(),
    /** Our status webhook; each message's own id is added as `?message_id=` to match the callback to it. */
    status_callback_url: httpUrl.optional(),
    /** Only set to reach a local stand-in (demo, tests). */
    base_url: baseUrl.optional(),
    batch_size: batchSize(20),
    timeout_ms: requestTimeoutMs,
  })
  .superRefine((options, context) => {
    if (Boolean(options.from) === Boolean(options.messaging_service_sid)) {
      context.addIssue({
        code: "custom",
        path: ["from"],
        message: "or messaging_service_sid: exactly one of them must be set",
      })
    }
  })
export type TwilioOptions = z.infer<typeof TwilioOptions>

/** What the SDK throws once Twilio answered with an error status (RestException, TwilioServiceException). */
interface TwilioRefusal {
  status: number
  code?: number
  message: string
  detail?: string
}

const isTwilioRefusal = (error: unknown): error is TwilioRefusal => typeof (error as TwilioRefusal)?.status === "number"

const refusalReason = ({ code, detail, message }: TwilioRefusal) =>
  code ? `Twilio error ${code}: ${detail ?? message}` : detail ?? message

/** SMS through Twilio's Messages API, a batch sent as concurrent requests. */
export class TwilioProvider implements DeliveryProvider {
  readonly name = "twilio"
  readonly channel = MessageChannel.SMS
  readonly batchSize: number
  private readonly client: twilio.Twilio

  private readonly options: TwilioOptions

  static validateOptions(options: Record<string, unknown>): void {
    parseProviderOptions(TwilioOptions, options)
  }

  constructor(_container: Record<string, unknown>, rawOptions: Record<string, unknown>) {
    const options = (this.options = parseProviderOptions(TwilioOptions, rawOptions))
    this.batchSize = options.batch_size
    const timeout = options.timeout_ms
    this.client = twilio(options.account_sid, options.auth_token, {
      timeout,
      ...(options.base_url && { httpClient: new RebasedRequestClient(options.base_url, { timeout }) }),
    })
  }

  send(messages: OutgoingMessage[]): Promise<SendOutcome[]> {
    return Promise.all(messages.map((message) => this.sendOne(message)))
  }

  private async sendOne(message: OutgoingMessage): Promise<SendOutcome> {
    const { from, messaging_service_sid } = this.options
    try {
      const created = await this.client.messages.create({
        to: message.to,
        body: personal(message, message.content.text),
        ...(from ? { from } : { messagingServiceSid: messaging_service_sid }),
        ...(this.options.status_callback_url && { statusCallback: this.statusCallbackFor(message) }),
      })
      return { id: message.id, status: "sent", provider_message_id: created.sid }
    } catch (error) {
      // The SDK's exceptions drop the response headers, so a Retry-After cannot be honoured here.
      const failure = isTwilioRefusal(error)
        ? httpFailure(error.status, refusalReason(error))
        : unansweredFailure(error)
      return outcomeFor(message, failure)
    }
  }

  private statusCallbackFor(message: OutgoingMessage) {
    const url = new URL(this.options.status_callback_url!)
    url.searchParams.set("message_id", message.id)
    return url.href
  }

  /** Returns when Twilio signed this webhook request with the configured auth token; throws WebhookSignatureError otherwise. */
  verifyWebhook(request: Omit<TwilioWebhookRequest, "authToken">): void {
    verifyTwilioWebhook({ ...request, authToken: this.options.auth_token })
  }

  /** The SDK's keep-alive sockets are unref'd while idle: nothing here holds the process open. */
  async close(): Promise<void> {}
}
