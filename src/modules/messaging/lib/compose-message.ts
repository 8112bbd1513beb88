import { MessageChannel, OutgoingMessage, RenderedContent } from "../../../types/messaging"
import { CONTACT_MERGE_FIELDS } from "./merge-tags"
import { instrumentHtml, listUnsubscribeHeaders, TrackedLink } from "./instrument-html"
import { RenderedEmail, renderEmail, renderEmailHtml, renderText, TemplateVariables } from "./render-template"
import { smsSegments, SmsSegments } from "./sms-segments"
import { StandIns } from "./stand-in"
import { trackedPlainText } from "./tracked-text"
import { trackingToken } from "./tracking-token"

/** The public routes a message's links point at (see src/api/marketing/t). */
export function trackingUrls(publicUrl: string, token: string) {
  return {
    open: `${publicUrl}/marketing/t/o/${token}`,
    click: (position: number) => `${publicUrl}/marketing/t/c/${token}/${position}`,
    unsubscribe: `${publicUrl}/marketing/t/u/${token}`,
  }
}

/** The contact fields templates see as `contact.*`. */
export const TEMPLATE_CONTACT_FIELDS = CONTACT_MERGE_FIELDS.map(({ field }) => field)

/**
 * The variables a template sees, from the contact's stored fields and the campaign's, the
 * contact's own code of the campaign's promotion (empty when none is assigned), and a journey
 * message's entering event properties (none for a campaign's).
 */
export function templateVariables(
  contact: Record<string, unknown> | null | undefined,
  campaign: { name: string; subject: string | null } | null | undefined,
  promotionCode: string | null = null,
  eventProperties: Record<string, unknown> | null = null
): Omit<TemplateVariables, "unsubscribe_url"> {
  return {
    promotion_code: promotionCode ?? "",
    event: eventProperties ?? {},
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

type Rendered = Omit<RenderedEmail, "text">
type Tracked = { html: string; text: string; links: TrackedLink[] }
export type ComposedMessage = { outgoing: OutgoingMessage; links: TrackedLink[] }

/** Liquid's `contact` variable: a template that never names it renders alike for everyone. */
const NAMES_CONTACT = /\bcontact\b/

/** Whether `content` prints the recipient's own promotion code. */
export const usesPromotionCode = (content: MessageContent) =>
  /\bpromotion_code\b/.test(content.body) || /\bpromotion_code\b/.test(content.subject ?? "")

/** Whether rendering `content` needs the recipient's contact fields. */
export const usesContactFields = (content: MessageContent) => NAMES_CONTACT.test(content.body) || NAMES_CONTACT.test(content.subject ?? "")

/**
 * Renders messages for their contacts and makes them trackable. Pure: the same message, content,
 * variables, secret and clock (`now`, from which the tokens expire) always give the same result.
 *
 * Most of the work (Liquid, link rewriting, the text part) does not depend on the token, so it is
 * done with a stand-in of the token's length (wrapping of the text part depends on lengths), once
 * per distinct rendered content. Messages rendered alike share one content object holding the
 * stand-in as its tag; each carries its own token. One composer serves one batch: what it keeps
 * lives as long as the batch.
 */
export class MessageComposer {
  private readonly rendered = new Map<string, Map<string, Rendered>>()
  private readonly tracked = new Map<string, Map<string, Tracked>>()
  private readonly contents = new Map<Tracked, Map<string, RenderedContent>>()
  private readonly standIns = new StandIns()

  constructor(private readonly options: { publicUrl: string; secret: string; now: number }) {}

  compose(message: ComposableMessage, content: MessageContent, variables: Omit<TemplateVariables, "unsubscribe_url">): ComposedMessage {
    const token = trackingToken(message.id, this.options.secret, this.options.now)
    const base = { id: message.id, idempotency_key: message.idempotency_key, channel: message.channel, to: message.to, tracking_token: token }
    if (message.channel !== "email") {
      const values = { ...variables, unsubscribe_url: trackingUrls(this.options.publicUrl, token).unsubscribe }
      return {
        outgoing: {
          ...base,
          content: {
            subject: content.subject ? renderText(content.subject, values, "subject") : undefined,
            text: renderText(content.body, values),
          },
        },
        links: [],
      }
    }
    const standIn = this.standIns.of(token.length)
    const urls = trackingUrls(this.options.publicUrl, standIn)
    const rendered = this.render(content, { ...variables, unsubscribe_url: urls.unsubscribe })
    const tracked = this.instrument(rendered.html, urls)
    return {
      outgoing: {
        ...base,
        content: this.shared(tracked, rendered.subject, standIn),
        headers: listUnsubscribeHeaders(trackingUrls(this.options.publicUrl, token).unsubscribe),
      },
      links: tracked.links,
    }
  }

  /** One object per distinct content, so that providers batch by identity. */
  private shared(tracked: Tracked, subject: string, tag: string): RenderedContent {
    const bySubject = this.contents.get(tracked) ?? this.contents.set(tracked, new Map()).get(tracked)!
    let content = bySubject.get(subject)
    if (!content) bySubject.set(subject, (content = { subject, html: tracked.html, text: tracked.text, tag }))
    return content
  }

  /** Without contact fields every recipient's rendering is the same: one per content and other variables. */
  private render(content: MessageContent, values: TemplateVariables): Rendered {
    const render = () => renderEmailHtml({ subject: content.subject ?? "", html: content.body }, values)
    if (usesContactFields(content)) return render()
    const { contact: _personal, ...shared } = values
    // Keyed by the body itself, not by a string built from it: a string's hash is computed once.
    const byBody = this.rendered.get(content.body) ?? this.rendered.set(content.body, new Map()).get(content.body)!
    const key = JSON.stringify([content.subject, shared])
    let rendered = byBody.get(key)
    if (!rendered) byBody.set(key, (rendered = render()))
    return rendered
  }

  private instrument(html: string, urls: ReturnType<typeof trackingUrls>): Tracked {
    const byUrl = this.tracked.get(urls.unsubscribe) ?? this.tracked.set(urls.unsubscribe, new Map()).get(urls.unsubscribe)!
    const known = byUrl.get(html)
    if (known) return known
    const instrumented = instrumentHtml(html, { clickUrl: urls.click, openPixelUrl: urls.open, unsubscribeUrl: urls.unsubscribe })
    const text = trackedPlainText(instrumented.html, instrumented.links, urls.click)
    const tracked = {
      html: instrumented.html,
      // The text part must offer the way out too, whether or not the template wrote the link.
      text: text.includes(urls.unsubscribe) ? text : `${text}\n\nUnsubscribe: ${urls.unsubscribe}`,
      links: instrumented.links,
    }
    byUrl.set(html, tracked)
    return tracked
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
