import { convert, type HtmlToTextOptions } from "html-to-text"
import { AssertionError, filters, type FilterImplOptions, Liquid, LiquidError, type Template } from "liquidjs"

/**
 * Message templates are Liquid: the language Shopify, Braze and Customer.io users already write,
 * and a sandboxed one (templates reach only the data they are given; no JavaScript runs, unlike
 * Handlebars helpers). Pure: output depends only on the arguments; the module keeps parsed
 * templates, and liquidjs watches the time a render takes only to stop a runaway template.
 */

/**
 * What the delivery code passes to every template. Values are plain JSON (dates as ISO strings),
 * because Liquid prints whatever `String(value)` gives.
 */
export type TemplateVariables = {
  contact: {
    email: string | null
    phone: string | null
    first_name: string | null
    last_name: string | null
    country_code: string | null
    orders_count: number
    total_spent: number
    /** Any further contact field: `{{ contact.metadata.tier }}`. */
    [field: string]: unknown
  }
  campaign: { name: string; subject: string | null }
  /** Personal one-click unsubscribe link. */
  unsubscribe_url: string
  /** This contact's code when the campaign hands out promotion codes. */
  promotion_code?: string
  /** A journey message's: the properties of the custom event that enrolled the contact (`{{ event.product_title }}`); empty otherwise. */
  event?: Record<string, unknown>
}

export interface RenderedEmail {
  subject: string
  html: string
  text: string
}

/** A template that does not parse or cannot render, located so an editor can mark it. */
export class TemplateError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number | null,
    readonly col: number | null,
    /** Which part of the message: subject, html, text, body. */
    readonly field: string | null
  ) {
    const position = line === null ? null : `Line ${line}, column ${col}`
    super([field, position, detail].filter((part) => part !== null).join(": "))
    this.name = "TemplateError"
  }

  toJSON() {
    return { message: this.message, field: this.field, line: this.line, col: this.col }
  }
}

/**
 * Bounds that keep a hostile or careless template from stalling a worker; real templates stay
 * orders of magnitude below them. memoryLimit counts characters and array items that filters
 * and ranges create.
 */
export const TEMPLATE_LIMITS = { parseLimit: 1_000_000, renderLimit: 1_000, memoryLimit: 10_000_000 } as const

/** A campaign renders the same few sources for every recipient: parse each once. */
export const PARSED_TEMPLATE_CACHE_SIZE = 64

/** Tags that load other templates from disk; a stored template must be self-contained. */
const FILE_TAGS = ["include", "render", "layout"]

const BUILT_IN_FILTERS = filters as Record<string, Exclude<FilterImplOptions, { raw: boolean }>>

class Dialect {
  private readonly engine: Liquid
  /** Insertion-ordered, so the first key is the least recently used. */
  private readonly parsed = new Map<string, Template[]>()

  constructor(outputEscape?: "escape") {
    this.engine = new Liquid({
      ownPropertyOnly: true,
      strictFilters: true,
      strictVariables: false,
      jsTruthy: false,
      outputEscape,
      ...TEMPLATE_LIMITS,
    })
    for (const name of FILE_TAGS) {
      this.engine.registerTag(name, {
        parse(token) {
          throw new Error(`{% ${token.name} %} is not available: a template cannot load other files`)
        },
        render() {},
      })
    }
    if (outputEscape) {
      // Their output is already HTML: marked raw, `{{ x | escape }}` is escaped once, as in Shopify.
      for (const name of ["escape", "escape_once"]) {
        this.engine.registerFilter(name, { handler: BUILT_IN_FILTERS[name], raw: true })
      }
    }
  }

  parse(source: string, field: string): Template[] {
    const cached = this.parsed.get(source)
    if (cached) {
      this.parsed.delete(source)
      this.parsed.set(source, cached)
      return cached
    }
    const templates = attempt(() => this.engine.parse(source), field)
    this.parsed.set(source, templates)
    if (this.parsed.size > PARSED_TEMPLATE_CACHE_SIZE) this.parsed.delete(this.parsed.keys().next().value!)
    return templates
  }

  render(source: string, variables: Record<string, unknown>, field: string): string {
    const templates = this.parse(source, field)
    return attempt(() => this.engine.renderSync(templates, variables), field)
  }
}

function attempt<T>(run: () => T, field: string): T {
  try {
    return run()
  } catch (error) {
    if (LiquidError.is(error)) {
      const [line, col] = error.token.getPosition()
      // liquidjs appends the position to its messages; TemplateError puts it in front instead.
      const suffix = `, line:${line}, col:${col}`
      const detail = error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message
      throw new TemplateError(detail, line, col, field)
    }
    // The parse length limit is checked before any token exists.
    if (error instanceof AssertionError) throw new TemplateError(error.message, null, null, field)
    throw error
  }
}

const textDialect = new Dialect()
/** Escapes every output, so that a contact named `<script>` cannot inject markup. */
const htmlDialect = new Dialect("escape")

/** Throws TemplateError (naming `field`) unless `source` is a valid template. */
export function validateTemplate(source: string, field: string): void {
  textDialect.parse(source, field)
}

/** Renders plain text (SMS, push, the text part of an email): nothing is escaped. */
export function renderText(source: string, variables: Record<string, unknown>, field = "body"): string {
  return textDialect.render(source, variables, field)
}

/** The subject and HTML of an email, without the text part (which the caller may derive once for many). */
export function renderEmailHtml(template: { subject: string; html: string }, variables: Record<string, unknown>): Omit<RenderedEmail, "text"> {
  return {
    // A header is one line: tags on lines of their own and line breaks in contact data must not split it.
    subject: textDialect.render(template.subject, variables, "subject").replace(/\s+/g, " ").trim(),
    html: htmlDialect.render(template.html, variables, "html"),
  }
}

export function renderEmail(
  template: { subject: string; html: string; text?: string | null },
  variables: Record<string, unknown>
): RenderedEmail {
  const rendered = renderEmailHtml(template, variables)
  return {
    ...rendered,
    text: template.text ? textDialect.render(template.text, variables, "text") : htmlToPlainText(rendered.html),
  }
}

/** The text alternative of an HTML email: links kept as `text [url]`, images dropped. */
export const PLAIN_TEXT_OPTIONS = {
  wordwrap: 78,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    { selector: "img", format: "skip" },
  ],
} satisfies HtmlToTextOptions

export function htmlToPlainText(source: string): string {
  return convert(source, PLAIN_TEXT_OPTIONS)
}
