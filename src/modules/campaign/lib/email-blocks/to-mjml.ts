import { mergeTagSource } from "../../../messaging/lib/merge-tags"
import { EmailBlock, ProductCard } from "./types"

/**
 * Blocks → MJML, which the server (mjml) and the admin's live preview (mjml-browser) turn into
 * responsive email HTML. Pure: the same blocks and options always give the same MJML.
 *
 * Liquid in the blocks is kept as written, for the renderer to fill per recipient; everything around
 * it is escaped, so that a merchandiser's "<" or "&" is shown, not parsed.
 */
export interface EmailBlocksOptions {
  /** Product cards link to `<storefrontUrl>/products/<handle>`; without it they show no link. */
  storefrontUrl: string | null
}

const THEME = {
  page: "#f3f4f6",
  card: "#ffffff",
  text: "#1f2937",
  muted: "#6b7280",
  accent: "#111827",
  rule: "#e5e7eb",
  font: "Helvetica, Arial, sans-serif",
}

/** Products side by side on a wide screen; MJML stacks a section's columns on a narrow one. */
const PRODUCTS_PER_ROW = 3

const LIQUID = /(\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\})/

/** Escapes `text` for HTML content or (with `attribute`) a double-quoted attribute, leaving its Liquid intact. */
export function escapeAroundLiquid(text: string, { attribute = false } = {}): string {
  return text
    .split(LIQUID)
    .map((part, index) => {
      // split with a capture group puts the Liquid at odd indexes.
      if (index % 2 === 1) return attribute ? part.replace(/"/g, "'") : part
      const escaped = part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      return attribute ? escaped.replace(/"/g, "&quot;") : escaped
    })
    .join("")
}

const attr = (value: string) => `"${escapeAroundLiquid(value, { attribute: true })}"`

/** Paragraphs at blank lines, line breaks kept. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p style="margin:0 0 12px">${escapeAroundLiquid(paragraph.trim()).replace(/\n/g, "<br />")}</p>`)
    .join("")
}

const section = (content: string, attributes = 'padding="8px 24px"') =>
  `<mj-section ${attributes}><mj-column>${content}</mj-column></mj-section>`

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size))

function productColumn(product: ProductCard, options: EmailBlocksOptions): string {
  const url = options.storefrontUrl
    ? `${options.storefrontUrl.replace(/\/+$/, "")}/products/${encodeURIComponent(product.handle)}`
    : null
  const image = product.image_url
    ? `<mj-image src=${attr(product.image_url)} alt=${attr(product.title)}${url ? ` href=${attr(url)}` : ""} padding="0 0 8px" />`
    : ""
  const link = url
    ? `<mj-button href=${attr(url)} background-color="${THEME.accent}" color="#ffffff" font-size="14px" padding="4px 0">View product</mj-button>`
    : ""
  return `<mj-column padding="8px">${image}<mj-text align="center" font-weight="bold" padding="0 0 4px">${escapeAroundLiquid(product.title)}</mj-text>${link}</mj-column>`
}

function blockToMjml(block: EmailBlock, options: EmailBlocksOptions): string {
  switch (block.type) {
    case "heading":
      return section(`<mj-text font-size="24px" line-height="32px" font-weight="bold">${escapeAroundLiquid(block.text)}</mj-text>`)
    case "text":
      return section(`<mj-text>${paragraphs(block.text)}</mj-text>`)
    case "image":
      return section(
        `<mj-image src=${attr(block.src)} alt=${attr(block.alt)}${block.href ? ` href=${attr(block.href)}` : ""} padding="0" />`
      )
    case "button":
      return section(
        `<mj-button href=${attr(block.url)} background-color="${THEME.accent}" color="#ffffff" font-size="16px" border-radius="6px">${escapeAroundLiquid(block.label)}</mj-button>`
      )
    case "products":
      return chunks(block.products, PRODUCTS_PER_ROW)
        .map((row) => `<mj-section padding="8px 16px">${row.map((product) => productColumn(product, options)).join("")}</mj-section>`)
        .join("")
    case "code":
      return section(
        (block.label.trim() ? `<mj-text align="center" color="${THEME.muted}" padding="0 0 8px">${escapeAroundLiquid(block.label)}</mj-text>` : "") +
          `<mj-text align="center" font-size="24px" font-weight="bold" letter-spacing="2px" container-background-color="${THEME.page}" padding="16px">${mergeTagSource("promotion_code")}</mj-text>`
      )
    case "divider":
      return section(`<mj-divider border-width="1px" border-color="${THEME.rule}" padding="8px 0" />`)
    case "footer":
      return section(
        `<mj-text align="center" font-size="12px" line-height="18px" color="${THEME.muted}">` +
          (block.text.trim() ? paragraphs(block.text) : "") +
          `<a href="${mergeTagSource("unsubscribe_url")}" style="color:${THEME.muted}">Unsubscribe</a></mj-text>`,
        'padding="16px 24px"'
      )
  }
}

export function blocksToMjml(blocks: EmailBlock[], options: EmailBlocksOptions): string {
  return [
    "<mjml>",
    "<mj-head>",
    `<mj-attributes><mj-all font-family="${THEME.font}" /><mj-text font-size="16px" line-height="24px" color="${THEME.text}" padding="0" /></mj-attributes>`,
    "</mj-head>",
    `<mj-body background-color="${THEME.page}" width="600px">`,
    `<mj-wrapper background-color="${THEME.card}" padding="16px 0">`,
    ...blocks.map((block) => blockToMjml(block, options)),
    "</mj-wrapper>",
    "</mj-body>",
    "</mjml>",
  ].join("\n")
}
