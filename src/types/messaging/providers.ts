import { CampaignChannel } from "../campaign/module"

/** A message goes out on its campaign's channel: one list of channels for both. */
export const MessageChannel = CampaignChannel
export type MessageChannel = CampaignChannel

/** One rendered message, ready for a provider. */
export interface OutgoingMessage {
  /** Our message id: providers carry it back in webhooks (SendGrid custom_args, Twilio callback URL). */
  id: string
  /** campaign × contact × channel × occurrence: handed to providers that accept one. */
  idempotency_key: string
  channel: MessageChannel
  /** Email address, E.164 phone number, or push device/contact reference. */
  to: string
  subject?: string
  html?: string
  text: string
  headers?: Record<string, string>
  /**
   * The only per-message string inside the content (the signed tracking token in every tracked
   * URL). Providers that batch (SendGrid personalizations) replace it with a substitution tag,
   * so messages whose content differs only by it share one request.
   */
  tracking_token?: string
}

export type SendOutcome =
  | { id: string; status: "sent"; provider_message_id: string | null }
  /** 429, 5xx, network: try again later, after `retry_after_ms` when the provider said so. */
  | { id: string; status: "retry"; reason: string; retry_after_ms?: number }
  /** Invalid address, other 4xx: sending again cannot help. `reason` is the provider's own words. */
  | { id: string; status: "failed"; reason: string }

export interface DeliveryProvider {
  /** "sendgrid" | "smtp" | "twilio" | "webhook" */
  readonly name: string
  readonly channel: MessageChannel
  /** The most messages one send() call should be given. */
  readonly batchSize: number
  /** One outcome per message, in any order; never throws for a provider error about a message. */
  send(messages: OutgoingMessage[]): Promise<SendOutcome[]>
  close(): Promise<void>
}
