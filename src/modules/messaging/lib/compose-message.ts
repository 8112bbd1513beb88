import { signToken } from "../../../lib/signed-token"
import { MessageChannel, OutgoingMessage } from "../../../types/messaging"
import { instrumentHtml, listUnsubscribeHeaders, TrackedLink } from "./instrument-html"
import { renderEmail, renderText, TemplateVariables } from "./render-template"
import { smsSegments, SmsSegments } from "./sms-segments"

/** Signs the tracking token of a message: the one reference its open, click and unsubscribe links carry. */
export const TRACKING_PURPOSE = "track"

export const trackingToken = (messageId: string, secret: string) => signToken(TRACKING_PURPOSE, { m: messageId }, secret)

/** The public routes a message's links point at (see src/api/marketing/t). */
export function trackingUrls(publicUrl: string, token: string) {
  return {
    open: `${publicUrl}/marketing/t/o/${token}`,
    click: (position: number) => `${publicUrl}/marketing/t/c/${token}/${position}`,
    unsubscribe: `${publicUrl}/marketing/t/u/${token}`,
  }
}

/** The contact fields templates see as `contact.*`. */
export const TEMPLATE_CONTACT_FIELDS = [
  "id",
  "email",
  "phone",
  "first_name",
  "last_name",
  "country_code",
  "orders_count",
  "total_spent",
  "first_order_at",
  "last_order_at",
  "metadata",
] as const

/** The variables a template sees, from the contact's stored fields and the campaign's. */
export function templateVariables(
  contact: Record<string, unknown> | null | undefined,
  campaign: { name: string; subject: string | null } | null | undefined
): Omit<TemplateVariables, "unsubscribe_url"> {
  return {
    contact: {
      email: null,
      phone: null,
      first_name: null,
      last_name: null,
      country_code: null,
      orders_count: 0,
      ...(contact ?? {}),
      // Stored as a big number; templates do arithmetic and formatting on a plain one.
      total_spent: Number(contact?.total_spent ?? 0),
    },
    campaign: { name: campaign?.name ?? "", subject: campaign?.subject ?? null },
  }
}

export interface ComposableMessage {
  id: string
  idempotency_key: string
  channel: MessageChannel
  to: string
}

export interface MessageContent {
  subject: string | null
  body: string
}

/**
 * Renders one message for its contact and makes it trackable. Pure: the same message, content,
 * variables and secret always give the same result, so a retry sends what the first try did.
 */
export function composeMessage(
  message: ComposableMessage,
  content: MessageContent,
  variables: Omit<TemplateVariables, "unsubscribe_url">,
  { publicUrl, secret }: { publicUrl: string; secret: string }
): { outgoing: OutgoingMessage; links: TrackedLink[] } {
  const token = trackingToken(message.id, secret)
  const urls = trackingUrls(publicUrl, token)
  const base = { id: message.id, idempotency_key: message.idempotency_key, channel: message.channel, to: message.to, tracking_token: token }
  const values = { ...variables, unsubscribe_url: urls.unsubscribe }
  if (message.channel !== "email") {
    return {
      outgoing: {
        ...base,
        subject: content.subject ? renderText(content.subject, values, "subject") : undefined,
        text: renderText(content.body, values),
      },
      links: [],
    }
  }
  const rendered = renderEmail({ subject: content.subject ?? "", html: content.body }, values)
  const tracked = instrumentHtml(rendered.html, { clickUrl: urls.click, openPixelUrl: urls.open, unsubscribeUrl: urls.unsubscribe })
  return {
    outgoing: {
      ...base,
      subject: rendered.subject,
      html: tracked.html,
      // The text part must offer the way out too, whether or not the template wrote the link.
      text: rendered.text.includes(urls.unsubscribe) ? rendered.text : `${rendered.text}\n\nUnsubscribe: ${urls.unsubscribe}`,
      headers: listUnsubscribeHeaders(urls.unsubscribe),
    },
    links: tracked.links,
  }
}

export interface MessagePreview {
  subject: string | null
  html: string | null
  text: string
  /** For SMS: its encoding, length and how many segments the carrier bills. */
  sms: SmsSegments | null
}

/**
 * What a contact would receive, before tracking: links as written, no pixel. A template error
 * throws TemplateError, located, for the editor to mark.
 */
export function previewMessage(
  channel: MessageChannel,
  content: MessageContent,
  variables: Omit<TemplateVariables, "unsubscribe_url">,
  unsubscribeUrl: string
): MessagePreview {
  const values = { ...variables, unsubscribe_url: unsubscribeUrl }
  if (channel === "email") {
    const rendered = renderEmail({ subject: content.subject ?? "", html: content.body }, values)
    return { subject: rendered.subject, html: rendered.html, text: rendered.text, sms: null }
  }
  const text = renderText(content.body, values)
  return {
    subject: content.subject ? renderText(content.subject, values, "subject") : null,
    html: null,
    text,
    sms: channel === "sms" ? smsSegments(text) : null,
  }
}
