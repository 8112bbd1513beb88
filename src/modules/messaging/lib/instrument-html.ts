import { DomUtils, parseDocument } from "htmlparser2"

/**
 * Prepares a rendered email for tracking: links go through the click redirect, an invisible
 * pixel reports opens, and an unsubscribe link is guaranteed (CAN-SPAM; Gmail's and Yahoo's 2024
 * bulk-sender rules want one in the body besides the RFC 8058 header). Everything else is left
 * exactly as written.
 */
export interface TrackedLink {
  /** 0, 1, 2… in document order; the click URL carries it. */
  position: number
  /** The href as the browser reads it (entities decoded). */
  url: string
}

export interface InstrumentOptions {
  clickUrl: (position: number) => string
  openPixelUrl: string
  unsubscribeUrl: string
}

/** On a link, opts it out of click tracking (e.g. links whose target must see the real URL). */
export const NO_TRACK_ATTRIBUTE = "data-no-track"

type HtmlDocument = ReturnType<typeof parseDocument>
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number]

/**
 * Entities stay undecoded from parse to output, so `&nbsp;`, `&copy;` and `&zwnj;` come out as
 * written; attribute values this module reads are decoded on their own (see decodeAttribute).
 */
const PARSE_VERBATIM = { decodeEntities: false }
/** Empty values are written out: authors write `alt=""` far more often than bare boolean attributes. */
const SERIALIZE_VERBATIM = { decodeEntities: false, emptyAttrs: true }

const ABSOLUTE_HTTP_URL = /^https?:\/\//i

export function instrumentHtml(html: string, options: InstrumentOptions): { html: string; links: TrackedLink[] } {
  const document = parseDocument(html, PARSE_VERBATIM)
  const links: TrackedLink[] = []
  let hasUnsubscribeLink = false
  for (const anchor of DomUtils.getElementsByTagName("a", document)) {
    const optedOut = NO_TRACK_ATTRIBUTE in anchor.attribs
    delete anchor.attribs[NO_TRACK_ATTRIBUTE]
    if (anchor.attribs.href === undefined) continue
    const url = decodeAttribute(anchor.attribs.href).trim()
    if (url === options.unsubscribeUrl) hasUnsubscribeLink = true
    else if (!optedOut && ABSOLUTE_HTTP_URL.test(url) && URL.canParse(url)) {
      const position = links.length
      links.push({ position, url })
      anchor.attribs.href = escapeAttribute(options.clickUrl(position))
    }
  }

  const body = DomUtils.findOne((element) => element.name === "body", document.children) ?? document
  if (!hasUnsubscribeLink) {
    appendHtml(
      body,
      `<p style="margin:24px 0 0;font-size:12px;line-height:1.5;color:#6b7280;text-align:center">` +
        `<a href="${escapeAttribute(options.unsubscribeUrl)}" style="color:#6b7280">Unsubscribe</a></p>`
    )
  }
  appendHtml(
    body,
    `<img src="${escapeAttribute(options.openPixelUrl)}" width="1" height="1" alt="" style="display:none">`
  )
  return { html: DomUtils.getOuterHTML(document, SERIALIZE_VERBATIM), links }
}

/**
 * RFC 2369 / RFC 8058 headers: mailbox providers show their own unsubscribe button and POST
 * `List-Unsubscribe=One-Click` to the URL. `mailto` is an address or a complete mailto: URI.
 */
export function listUnsubscribeHeaders(unsubscribeUrl: string, mailto?: string): Record<string, string> {
  const targets = [unsubscribeUrl]
  if (mailto) targets.push(mailto.toLowerCase().startsWith("mailto:") ? mailto : `mailto:${mailto}`)
  return {
    "List-Unsubscribe": targets.map((target) => `<${target}>`).join(", "),
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  }
}

/**
 * Lets the parser itself decode the value, because attributes follow their own rule: a legacy
 * entity such as `&copy` followed by `=` stays literal there, which query strings rely on.
 */
function decodeAttribute(raw: string): string {
  const [element] = DomUtils.getElementsByTagName("a", parseDocument(`<a href="${raw.replaceAll('"', "&quot;")}">`))
  return element.attribs.href
}

/** For a double-quoted attribute value in verbatim output, which writes values as they are. */
const escapeAttribute = (value: string) => value.replaceAll("&", "&amp;").replaceAll('"', "&quot;")

function appendHtml(parent: HtmlDocument | Element, fragment: string) {
  // A copy of the list: appending moves each node out of the fragment.
  for (const node of [...parseDocument(fragment, PARSE_VERBATIM).children]) DomUtils.appendChild(parent, node)
}
