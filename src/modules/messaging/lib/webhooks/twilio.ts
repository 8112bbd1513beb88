import { validateRequest } from "twilio"
import { WebhookPayloadError, WebhookSignatureError } from "./errors"
import type { DeliveryEventType, ProviderEvent } from "./events"

/** The query parameter of our status callback URL that carries our message id: Twilio echoes URLs, not messages. */
export const TWILIO_MESSAGE_ID_PARAM = "message_id"

/** Form fields or query parameters, flat strings as Twilio sends them. */
export type TwilioParams = Readonly<Record<string, string>>

export interface TwilioWebhookRequest {
  authToken: string
  /** The X-Twilio-Signature header. */
  signature: string | undefined
  /** The public URL Twilio called, query string included: Twilio signs it, so a proxy's internal URL never verifies. */
  url: string
  /** The POSTed form fields (not the query parameters, which are signed as part of the URL). */
  params: TwilioParams
}

/** Returns when Twilio signed this request; throws WebhookSignatureError otherwise. */
export function verifyTwilioWebhook({ authToken, signature, url, params }: TwilioWebhookRequest): void {
  // An empty token is a valid HMAC key, which anyone could sign with.
  if (!authToken) throw new WebhookSignatureError("no Twilio auth token configured")
  if (!signature) throw new WebhookSignatureError("missing X-Twilio-Signature header")
  if (!validateRequest(authToken, signature, url, params)) throw new WebhookSignatureError("bad Twilio signature")
}

/**
 * Final outcomes only; queued, accepted, scheduled, sending and sent are steps on the way, and canceled is our own
 * doing. read comes from RCS and WhatsApp senders of a Messaging Service and is an open in all but name.
 */
const STATUS_TYPES = new Map<string, DeliveryEventType>([
  ["delivered", "delivered"],
  ["undelivered", "failed"],
  ["failed", "failed"],
  ["read", "open"],
])

/**
 * Error codes that say the number itself cannot or must not receive SMS (Twilio's error dictionary,
 * twilio.com/docs/api/errors). Left out on purpose: 30003 unreachable handset (switched off or out of coverage:
 * Twilio advises retrying), 30004 message blocked (its causes range from an opt-out to no signal), 30007 message
 * filtered (Twilio or the carrier judged our content or sender as spam: a problem with us, not the number, and no
 * complaint since the recipient reported nothing), 30008 unknown error.
 */
const PERMANENT_ERROR_CODES = new Set([
  "21211", // invalid 'To' phone number
  "21610", // the recipient replied STOP to this sender
  "21614", // 'To' number is not a valid mobile number
  "21635", // 'To' number cannot be a landline
  "30005", // unknown destination handset: the number does not exist
  "30006", // landline or unreachable carrier
])

/**
 * A message status callback, or null when the status is not a final outcome. Twilio's callbacks carry no time,
 * so the event is dated when it arrived.
 */
export function parseTwilioStatusCallback(
  params: TwilioParams,
  query: TwilioParams,
  { now = Date.now() }: { now?: number } = {}
): ProviderEvent | null {
  const { MessageSid: sid, MessageStatus: status } = params
  if (!sid || !status) throw new WebhookPayloadError("Twilio status callback without MessageSid or MessageStatus")
  const type = STATUS_TYPES.get(status)
  if (!type) return null
  const errorCode = params.ErrorCode || null
  return {
    provider: "twilio",
    type,
    message_id: query[TWILIO_MESSAGE_ID_PARAM] || null,
    provider_message_id: sid,
    permanent: type === "failed" && errorCode !== null && PERMANENT_ERROR_CODES.has(errorCode),
    reason: errorCode && `Twilio error ${errorCode}`,
    ...(params.To && { phone: params.To }),
    occurred_at: new Date(now),
    provider_event_id: `${sid}:${status}`,
  }
}

export type InboundKeyword = "stop" | "start" | "help"

export interface TwilioInboundMessage {
  /** Twilio's MessageSid: Twilio may deliver a webhook twice, and a repeated STOP after a START must not count. */
  provider_message_id: string
  from: string
  to: string
  body: string
  keyword: InboundKeyword | null
}

function meaning(keyword: InboundKeyword, words: string[]) {
  return words.map((word) => [word, keyword] as const)
}

/**
 * Twilio's default keywords (help.twilio.com/articles/223134027; REVOKE and OPTOUT since May 2025, per Twilio's
 * "Update to FCC's SMS Opt-Out Keywords"). Twilio acts only on a message that is the keyword alone: "STOP PLEASE"
 * blocks nothing, so it is no keyword here either.
 */
const KEYWORDS = new Map<string, InboundKeyword>([
  ...meaning("stop", ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]),
  ...meaning("start", ["START", "YES", "UNSTOP"]),
  ...meaning("help", ["HELP", "INFO"]),
])

/** Set by Twilio when Advanced Opt-Out matched the message, including keywords the account added itself. */
const OPT_OUT_TYPES = new Map<string, InboundKeyword>([
  ["STOP", "stop"],
  ["START", "start"],
  ["HELP", "help"],
])

/**
 * Twilio's docs say nothing of punctuation. We ignore it around the word, so "Stop." counts: treating a plain
 * request to stop as one is the safe side, and a START that Twilio did not honour only fails with 21610, which
 * suppresses the number again.
 */
const SURROUNDING_PUNCTUATION = /^[\p{P}\s]+|[\p{P}\s]+$/gu

/** An incoming SMS, with the opt-out keyword it amounts to. */
export function parseTwilioInbound(params: TwilioParams): TwilioInboundMessage {
  const { MessageSid: sid, From: from, To: to, Body: body = "", OptOutType: optOutType } = params
  if (!sid || !from || !to) throw new WebhookPayloadError("Twilio inbound message without MessageSid, From or To")
  const keyword =
    OPT_OUT_TYPES.get(optOutType?.toUpperCase() ?? "") ??
    KEYWORDS.get(body.replace(SURROUNDING_PUNCTUATION, "").toUpperCase()) ??
    null
  return { provider_message_id: sid, from, to, body, keyword }
}
