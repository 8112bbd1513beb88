import { compile, type FormatCallback } from "html-to-text"
import { DomUtils } from "htmlparser2"
import type { TrackedLink } from "./instrument-html"
import { PLAIN_TEXT_OPTIONS } from "./render-template"

/** A tracked document's click URLs, each with the URL it was recorded for. */
type Destinations = Map<string, string>

// html-to-text 10 hands a conversion's metadata to its formatters and parses with htmlparser2;
// its type package (9.x) knows neither.
type ConvertWithMetadata = (html: string, destinations: Destinations) => string
type ParsedNode = Parameters<typeof DomUtils.textContent>[0]

/**
 * A link written as its own destination (`<a href="https://x">https://x</a>`) shows the click URL
 * alone: a mail client makes any URL in the text clickable, so the destination must not be printed.
 * Every other link is printed as usual, its href being the click URL already.
 */
const trackedAnchor: FormatCallback = (elem, walk, builder, formatOptions) => {
  const href: string | undefined = elem.attribs?.href
  const { metadata: destinations } = builder as typeof builder & { metadata: Destinations }
  if (href !== undefined && destinations.get(href) === DomUtils.textContent(elem as unknown as ParsedNode).trim()) {
    builder.addInline(href, { noWordTransform: true })
    return
  }
  builder.options.formatters.anchor(elem, walk, builder, formatOptions)
}

const convertTracked = compile({
  ...PLAIN_TEXT_OPTIONS,
  formatters: { trackedAnchor },
  selectors: PLAIN_TEXT_OPTIONS.selectors.map((selector) =>
    selector.selector === "a" ? { ...selector, format: "trackedAnchor" } : selector
  ),
}) as unknown as ConvertWithMetadata

/**
 * The text alternative of an instrumented email: from its tracked HTML, so that a click in the text
 * part goes through the click redirect as one in the HTML part does.
 */
export function trackedPlainText(instrumentedHtml: string, links: TrackedLink[], clickUrl: (position: number) => string): string {
  return convertTracked(instrumentedHtml, new Map(links.map((link) => [clickUrl(link.position), link.url])))
}
