import type { EmailBlock, EmailBlockType } from "../../../modules/campaign/lib/email-blocks/types"

/** What each block is called in the editor, and what a new one holds. */
export const BLOCK_KINDS: { type: EmailBlockType; label: string; create: () => EmailBlock }[] = [
  { type: "heading", label: "Heading", create: () => ({ type: "heading", text: "" }) },
  { type: "text", label: "Text", create: () => ({ type: "text", text: "" }) },
  { type: "image", label: "Image", create: () => ({ type: "image", src: "", alt: "", href: null }) },
  { type: "button", label: "Button", create: () => ({ type: "button", label: "", url: "" }) },
  { type: "products", label: "Products", create: () => ({ type: "products", products: [] }) },
  { type: "code", label: "Promotion code", create: () => ({ type: "code", label: "Your code" }) },
  { type: "divider", label: "Divider", create: () => ({ type: "divider" }) },
  { type: "footer", label: "Footer", create: () => ({ type: "footer", text: "" }) },
]

export const blockLabel = (type: EmailBlockType) => BLOCK_KINDS.find((kind) => kind.type === type)!.label
