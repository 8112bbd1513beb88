import { z } from "@medusajs/framework/zod"
import { TemplateError, validateTemplate } from "../../../messaging/lib/render-template"
import { EmailBlock, MAX_BLOCKS, MAX_PRODUCTS_PER_BLOCK } from "./types"

/** Liquid outputs and tags, which a URL may carry (`?code={{ promotion_code }}`). */
const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g

/** An absolute http(s) URL, once its Liquid is set aside. */
export function isWebUrl(value: string): boolean {
  const plain = value.replace(LIQUID, "x")
  if (!/^https?:\/\/[^\s"'<>]+$/i.test(plain)) return false
  try {
    return Boolean(new URL(plain).hostname)
  } catch {
    return false
  }
}

/** Text that may hold Liquid: refused with the line and column of its first error. */
const liquid = (field: string, max: number) =>
  z.string().max(max).superRefine((source, ctx) => {
    try {
      validateTemplate(source, field)
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      ctx.addIssue({ code: "custom", message: error.message })
    }
  })

const text = (field: string, max: number) =>
  liquid(field, max).refine((value) => value.trim().length > 0, { message: `${field} must not be empty` })

const webUrl = (field: string) =>
  z.string().max(2_000).refine(isWebUrl, { message: `${field} must be an http(s) URL such as 'https://shop.example.com/sale'` })

const ProductCard = z.strictObject({
  id: z.string().min(1).max(100),
  title: text("title", 255),
  handle: z.string().max(255).regex(/^[\w-]+$/, { message: "handle must hold only letters, digits, - and _" }),
  image_url: webUrl("image_url").nullish(),
})

export const EmailBlockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("heading"), text: text("heading text", 500) }),
  z.strictObject({ type: z.literal("text"), text: text("text", 20_000) }),
  z.strictObject({ type: z.literal("image"), src: webUrl("image src"), alt: z.string().max(500), href: webUrl("image link").nullish() }),
  z.strictObject({ type: z.literal("button"), label: text("button label", 255), url: webUrl("button url") }),
  z.strictObject({
    type: z.literal("products"),
    products: z
      .array(ProductCard)
      .min(1, { message: "products must hold at least one product" })
      .max(MAX_PRODUCTS_PER_BLOCK, { message: `products must hold at most ${MAX_PRODUCTS_PER_BLOCK} products` }),
  }),
  z.strictObject({ type: z.literal("code"), label: liquid("code label", 255) }),
  z.strictObject({ type: z.literal("divider") }),
  z.strictObject({ type: z.literal("footer"), text: liquid("footer text", 2_000) }),
], { error: (issue) => (issue.code === "invalid_union" ? "type must be one of heading, text, image, button, products, code, divider, footer" : undefined) })

/** What is wrong with one block, in words that say which block and field: Medusa shows custom messages as they are. */
function blockProblem(block: unknown, issue: z.core.$ZodIssue): string {
  const type = block && typeof block === "object" && typeof (block as { type?: unknown }).type === "string" ? (block as { type: string }).type : null
  const value = issue.path.reduce<unknown>((inner, key) => (inner && typeof inner === "object" ? (inner as Record<PropertyKey, unknown>)[key] : undefined), block)
  const field = String(issue.path.filter((key) => typeof key === "string").at(-1) ?? "")
  const product = issue.path[0] === "products" && typeof issue.path[1] === "number" ? `product ${issue.path[1] + 1}: ` : ""
  const forType = type ? ` for a ${type} block` : ""
  if (issue.code === "unrecognized_keys") {
    return `${product}unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `'${key}'`).join(", ")}${forType}`
  }
  if (issue.code === "invalid_type" && value === undefined) return `${product}${field} is required${forType}`
  // This schema's own messages start with the field they are about; zod's own do not name it.
  const named = (field && issue.message.startsWith(field)) || (type && issue.message.startsWith(type))
  return `${product}${named || !field ? "" : `${field}: `}${issue.message}`
}

/** An email's blocks, in order; each problem names the block by its position (from 1, as the editor shows them). */
export const EmailBlocksSchema = z
  .array(z.unknown())
  .min(1, { message: "blocks must hold at least one block" })
  .max(MAX_BLOCKS, { message: `blocks must hold at most ${MAX_BLOCKS} blocks` })
  .transform((blocks, ctx) =>
    blocks.map((block, index) => {
      const result = EmailBlockSchema.safeParse(block)
      if (result.success) return result.data as EmailBlock
      for (const issue of result.error.issues) {
        ctx.addIssue({ code: "custom", path: [index, ...issue.path], message: `blocks: block ${index + 1}: ${blockProblem(block, issue)}` })
      }
      return z.NEVER
    })
  )

// The schema and the plain types (which the admin bundles without zod) describe the same blocks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemaMatchesTypes: Same<z.infer<typeof EmailBlockSchema>, EmailBlock> = true
void schemaMatchesTypes
