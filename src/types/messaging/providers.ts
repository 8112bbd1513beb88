import { CampaignChannel } from "../campaign/module"

/** A message goes out on its campaign's channel: one list of channels for both. */
export const MessageChannel = CampaignChannel
export type MessageChannel = CampaignChannel

/**
 * A rendered content, one object for every message rendered alike. Where each message's tracking
 * token goes it holds `tag`, a stand-in of the token's length (letters and digits): a provider that
 * batches sends it once with a per-recipient substitution or encoding, and `personal` (see
 * lib/personal-content) puts a message's own token in.
 */
export interface RenderedContent {
  subject?: string
  html?: string
  text: string
  /** Stands for each message's token; absent when the content is one message's own. */
  tag?: string
}

/** One rendered message, ready for a provider. */
export interface OutgoingMessage {
  /** Our message id: providers carry it back in webhooks (SendGrid custom_args, Twilio callback URL). */
  id: string
  /** campaign × contact × channel × occurrence: handed to providers that accept one. */
  idempotency_key: string
  channel: MessageChannel
  /** Email address, E.164 phone number, or push device/contact reference. */
  to: string
  /** Shared with the other messages rendered alike: batches are made by this object's identity. */
  content: RenderedContent
  /** The signed token of the message's tracked URLs, put where `content.tag` stands. */
  tracking_token?: string
  /** The message's own, token included (List-Unsubscribe). */
  headers?: Record<string, string>
}

export type SendOutcome =
  | { id: string; status: "sent"; provider_message_id: string | null }
  /** 429, 5xx, network: try again later, after `retry_after_ms` when the provider said so. */
  | { id: string; status: "retry"; reason: string; retry_after_ms?: number }
  /** Invalid address, other 4xx: sending again cannot help. `reason` is the provider's own words. */
  | { id: string; status: "failed"; reason: string }

/**
 * A delivery provider: the service of a module provider of the messaging module (see
 * docs/providers.md). One instance serves a channel for the life of the process.
 */
export interface DeliveryProvider {
  /** Recorded on each message it sends, e.g. "sendgrid" | "smtp" | "twilio" | "webhook". */
  readonly name: string
  /** The channel it delivers on: it only receives that channel's messages. */
  readonly channel: MessageChannel
  /** The most messages one send() call should be given. */
  readonly batchSize: number
  /** One outcome per message, in any order; never throws for a provider error about a message. */
  send(messages: OutgoingMessage[]): Promise<SendOutcome[]>
  close(): Promise<void>
}

/**
 * What a module provider's service class is: made with the messaging module's container and the
 * provider's own options, which `validateOptions` checks at boot (it throws naming each bad field).
 */
export interface DeliveryProviderClass {
  new (container: Record<string, unknown>, options: Record<string, unknown>): DeliveryProvider
  validateOptions?(options: Record<string, unknown>): void
}
