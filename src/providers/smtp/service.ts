import { z } from "@medusajs/framework/zod"
import { createTransport, type NodemailerError } from "nodemailer"
import { MessageChannel } from "../../types/messaging/providers"
import type { DeliveryProvider, OutgoingMessage, SendOutcome } from "../../types/messaging/providers"
import { personal } from "../../modules/messaging/lib/personal-content"
import { outcomeFor, unansweredFailure, type Failure } from "../../modules/messaging/providers/failure"
import { batchSize, emailSender, requiredString, type EmailSender } from "../../modules/messaging/providers/option-fields"
import { batchBySharedContent, type SharedContentBatch } from "../../modules/messaging/providers/shared-content-batches"
import { parseProviderOptions } from "../../modules/messaging/providers/provider-options"
import { TokenizedMimePart } from "./tokenized-mime-part"

const positiveWholeNumber = z
  .number({ message: "must be a number" })
  .int({ message: "must be a whole number" })
  .min(1, { message: "must be at least 1" })

export const SmtpOptions = z.object({
  host: requiredString,
  port: positiveWholeNumber.max(65535, { message: "must be a TCP port (1-65535)" }).default(587),
  /** TLS from the first byte (port 465); otherwise the server is asked for STARTTLS when it offers it. */
  secure: z.boolean({ message: "must be true or false" }).default(false),
  auth: z.object({ user: requiredString, pass: requiredString }, { message: "must be { user, pass }" }).optional(),
  from: emailSender,
  /** Pooled connections, each reused for up to `max_messages` messages before it is replaced. */
  max_connections: positiveWholeNumber.default(5),
  max_messages: positiveWholeNumber.default(100),
  batch_size: batchSize(50),
})
export type SmtpOptions = z.infer<typeof SmtpOptions>

/** Message-ID's left part is a dot-atom: anything else in the key is written as =xx per UTF-8 byte. */
const escapeForMessageId = (key: string) =>
  key.replace(/[^A-Za-z0-9_-]/gu, (char) => Buffer.from(char).toString("hex").replace(/../g, "=$&"))

/**
 * Derived from the idempotency key rather than random, so a resend after a lost reply carries the
 * same Message-ID and receiving systems can drop the duplicate.
 */
export function messageIdFor(idempotencyKey: string, sender: EmailSender): string {
  const senderDomain = (typeof sender === "string" ? sender : sender.email).split("@")[1]
  return `<${escapeForMessageId(idempotencyKey)}@${senderDomain}>`
}

/** Nodemailer rejected the message itself (e.g. an unparseable address): no server was asked. */
const REFUSED_BEFORE_SENDING = new Set(["EENVELOPE", "EMESSAGE"])

function smtpFailure(error: NodemailerError): Failure {
  if (typeof error.responseCode === "number") {
    // The server's own reply ("550 5.1.1 mailbox unavailable"); nodemailer marks 5xx but 503 as permanent.
    const reason = error.response ?? error.message
    return error.permanent ? { status: "failed", reason } : { status: "retry", reason }
  }
  if (error.code && REFUSED_BEFORE_SENDING.has(error.code)) return { status: "failed", reason: error.message }
  return unansweredFailure(error)
}

type EncodedParts = { html?: TokenizedMimePart; text: TokenizedMimePart }

/**
 * Email over SMTP through a nodemailer connection pool; a batch is handed to the pool at once.
 * Encoding the html and text parts is most of what building a message costs, so messages whose
 * content differs only by their tracking token have their parts encoded once, each message's
 * token put in afterwards; nodemailer still writes every message's own headers.
 */
export class SmtpProvider implements DeliveryProvider {
  readonly name = "smtp"
  readonly channel = MessageChannel.EMAIL
  readonly batchSize: number
  private readonly transport

  private readonly options: SmtpOptions

  static validateOptions(options: Record<string, unknown>): void {
    parseProviderOptions(SmtpOptions, options)
  }

  constructor(_container: Record<string, unknown>, rawOptions: Record<string, unknown>) {
    const options = (this.options = parseProviderOptions(SmtpOptions, rawOptions))
    this.batchSize = options.batch_size
    this.transport = createTransport({
      pool: true,
      host: options.host,
      port: options.port,
      secure: options.secure,
      auth: options.auth,
      maxConnections: options.max_connections,
      maxMessages: options.max_messages,
    })
  }

  send(messages: OutgoingMessage[]): Promise<SendOutcome[]> {
    const batches = batchBySharedContent(messages, messages.length)
    return Promise.all(
      batches.flatMap((batch) => {
        const parts = encodedParts(batch)
        return batch.messages.map((message) => this.sendOne(message, parts))
      })
    )
  }

  private async sendOne(message: OutgoingMessage, parts: EncodedParts): Promise<SendOutcome> {
    const { from } = this.options
    const token = message.tracking_token
    try {
      const info = await this.transport.sendMail({
        from: typeof from === "string" ? from : { name: from.name ?? "", address: from.email },
        to: message.to,
        subject: personal(message, message.content.subject),
        html: parts.html && { raw: parts.html.build(token) },
        text: { raw: parts.text.build(token) },
        headers: message.headers,
        messageId: messageIdFor(message.idempotency_key, from),
      })
      return { id: message.id, status: "sent", provider_message_id: info.messageId }
    } catch (error) {
      return outcomeFor(message, smtpFailure(error as NodemailerError))
    }
  }

  /** Ends the pooled connections; messages still queued in the pool fail (and are retried later). */
  async close(): Promise<void> {
    this.transport.close()
  }
}

function encodedParts({ content }: SharedContentBatch): EncodedParts {
  return {
    html: content.html === undefined ? undefined : new TokenizedMimePart("text/html; charset=utf-8", content.html, content.tag),
    text: new TokenizedMimePart("text/plain; charset=utf-8", content.text, content.tag),
  }
}
