import { SendEmailCommand, SESv2Client, SESv2ServiceException } from "@aws-sdk/client-sesv2"
import { z } from "@medusajs/framework/zod"
import { MessageChannel } from "../../types/messaging/providers"
import type { DeliveryProvider, OutgoingMessage, SendOutcome } from "../../types/messaging/providers"
import { personal } from "../../modules/messaging/lib/personal-content"
import { WebhookSignatureError } from "../../modules/messaging/lib/webhooks/errors"
import { SES_MESSAGE_ID_TAG } from "../../modules/messaging/lib/webhooks/ses"
import {
  checkSnsOrigin,
  LOOPBACK_HOSTS,
  parseSnsMessage,
  SNS_SIGNATURE_VERSIONS,
  verifySnsSignature,
  type SnsMessage,
} from "../../modules/messaging/lib/webhooks/sns"
import { fetchSigningCertificate } from "../../modules/messaging/lib/webhooks/sns-certificates"
import { confirmSnsSubscription } from "../../modules/messaging/lib/webhooks/sns-subscription"
import { httpFailure, outcomeFor, unansweredFailure, type Failure } from "../../modules/messaging/providers/failure"
import { mapConcurrently } from "../../modules/messaging/providers/map-concurrently"
import {
  baseUrl,
  batchSize,
  emailSender,
  httpUrl,
  requestTimeoutMs,
  requiredString,
  type EmailSender,
} from "../../modules/messaging/providers/option-fields"
import { parseProviderOptions } from "../../modules/messaging/providers/provider-options"

export const SesOptions = z.object({
  /** The AWS region whose SES sends, e.g. 'eu-west-1'. */
  region: requiredString,
  from: emailSender,
  /** Named on every message, so that SES publishes its events to the set's destinations (the SNS topic). */
  configuration_set: requiredString.optional(),
  /** Without them the AWS SDK's default chain applies (environment, shared config, instance or task role). */
  credentials: z
    .object(
      { access_key_id: requiredString, secret_access_key: requiredString, session_token: requiredString.optional() },
      { message: "must be { access_key_id, secret_access_key, session_token? }" }
    )
    .optional(),
  /** Only changed to reach a local stand-in (demo, tests) or a VPC endpoint. */
  endpoint: baseUrl.optional(),
  batch_size: batchSize(50),
  timeout_ms: requestTimeoutMs,
  /** The SNS topics the configuration set publishes to; the SES webhook refuses every other (and all, when empty). */
  sns_topic_arns: z.array(requiredString, { message: "must be a list of SNS topic ARNs" }).default([]),
  /**
   * The SNS SignatureVersions the webhook accepts. A topic signs with "1" (SHA1withRSA) unless its
   * SignatureVersion attribute is set to 2 (SHA256withRSA); a store that set it on its topics can refuse SHA1 with ["2"].
   */
  sns_signature_versions: z
    .array(
      z.enum(SNS_SIGNATURE_VERSIONS, {
        message: `must be one of ${SNS_SIGNATURE_VERSIONS.map((version) => `"${version}"`).join(", ")}`,
      }),
      { message: "must be a list of SNS SignatureVersions" }
    )
    .min(1, { message: "must accept at least one SNS SignatureVersion" })
    .default(() => [...SNS_SIGNATURE_VERSIONS]),
  /**
   * For the demo and tests only: SNS signing certificates and subscription URLs under this URL are
   * trusted besides SNS's own https hosts. Never set it in production: whoever serves that URL can
   * sign SES events.
   */
  sns_test_url_prefix: httpUrl
    .refine((url) => LOOPBACK_HOSTS.includes(new URL(url).hostname), {
      message: `must be on this machine (${LOOPBACK_HOSTS.join(", ")}): it is for local stand-ins only`,
    })
    .optional(),
})
export type SesOptions = z.infer<typeof SesOptions>

/** SendEmail takes one message a request: keep several in flight. */
const PARALLEL_REQUESTS = 8

/**
 * SES's refusals that say "not now" though they come as 4xx: the sending rate (429) and the daily
 * quota (LimitExceededException, 400), which frees up as the day goes by.
 */
const THROTTLING = new Set(["TooManyRequestsException", "LimitExceededException"])

/** A display name goes in quotes, or as an RFC 2047 encoded word when it is not ASCII. */
function fromAddress(sender: EmailSender): string {
  if (typeof sender === "string") return sender
  if (!sender.name) return sender.email
  const name = /^[\x20-\x7e]*$/.test(sender.name)
    ? `"${sender.name.replace(/["\\]/g, "\\$&")}"`
    : `=?UTF-8?B?${Buffer.from(sender.name).toString("base64")}?=`
  return `${name} <${sender.email}>`
}

function sesFailure(error: unknown): Failure {
  if (!(error instanceof SESv2ServiceException) || error.$metadata?.httpStatusCode === undefined) {
    return unansweredFailure(error)
  }
  const status = error.$metadata.httpStatusCode
  const retryAfter = (error.$response?.headers as Record<string, string> | undefined)?.["retry-after"]
  const failure = httpFailure(status, `${error.name}: ${error.message}`, retryAfter)
  return THROTTLING.has(error.name) && failure.status === "failed" ? { status: "retry", reason: failure.reason } : failure
}

/**
 * Email through Amazon SES's v2 SendEmail API, one request per message (SES takes no per-recipient
 * substitution outside its own templates). Each message is tagged with our message id, which SES
 * copies into the events it publishes through the configuration set.
 */
export class SesProvider implements DeliveryProvider {
  readonly name = "ses"
  readonly channel = MessageChannel.EMAIL
  readonly batchSize: number
  private readonly client: SESv2Client
  private readonly options: SesOptions

  static validateOptions(options: Record<string, unknown>): void {
    parseProviderOptions(SesOptions, options)
  }

  constructor(_container: Record<string, unknown>, rawOptions: Record<string, unknown>) {
    const options = (this.options = parseProviderOptions(SesOptions, rawOptions))
    this.batchSize = options.batch_size
    const { credentials } = options
    this.client = new SESv2Client({
      region: options.region,
      endpoint: options.endpoint,
      credentials: credentials && {
        accessKeyId: credentials.access_key_id,
        secretAccessKey: credentials.secret_access_key,
        sessionToken: credentials.session_token,
      },
      // The delivery queue retries, with its backoff and attempt limit; a retry inside the SDK after
      // a lost answer could send a message twice unseen.
      maxAttempts: 1,
      requestHandler: { requestTimeout: options.timeout_ms },
    })
  }

  send(messages: OutgoingMessage[]): Promise<SendOutcome[]> {
    return mapConcurrently(messages, PARALLEL_REQUESTS, (message) => this.sendOne(message))
  }

  private async sendOne(message: OutgoingMessage): Promise<SendOutcome> {
    const { content } = message
    const html = personal(message, content.html)
    try {
      const { MessageId } = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: fromAddress(this.options.from),
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: personal(message, content.subject) ?? "", Charset: "UTF-8" },
              Body: {
                Text: { Data: personal(message, content.text), Charset: "UTF-8" },
                ...(html !== undefined && { Html: { Data: html, Charset: "UTF-8" } }),
              },
              Headers: message.headers && Object.entries(message.headers).map(([Name, Value]) => ({ Name, Value })),
            },
          },
          EmailTags: [{ Name: SES_MESSAGE_ID_TAG, Value: message.id }],
          ConfigurationSetName: this.options.configuration_set,
        })
      )
      return { id: message.id, status: "sent", provider_message_id: MessageId ?? null }
    } catch (error) {
      return outcomeFor(message, sesFailure(error))
    }
  }

  /**
   * The message SNS posted, when SNS signed it for one of `sns_topic_arns`; throws WebhookSignatureError
   * otherwise (WebhookPayloadError for a body that is not an SNS message at all).
   */
  async verifySnsMessage(rawBody: string | Buffer): Promise<SnsMessage> {
    const { sns_topic_arns, sns_signature_versions, sns_test_url_prefix } = this.options
    if (!sns_topic_arns.length) throw new WebhookSignatureError("no SES sns_topic_arns are configured")
    const message = parseSnsMessage(rawBody)
    checkSnsOrigin(message, { topicArns: sns_topic_arns, signatureVersions: sns_signature_versions, testUrlPrefix: sns_test_url_prefix })
    verifySnsSignature(message, await fetchSigningCertificate(message.SigningCertURL))
    return message
  }

  /** Confirms a verified SubscriptionConfirmation (see confirmSnsSubscription). */
  confirmSnsSubscription(message: SnsMessage): Promise<void> {
    return confirmSnsSubscription(message, this.options.sns_test_url_prefix)
  }

  async close(): Promise<void> {
    this.client.destroy()
  }
}
