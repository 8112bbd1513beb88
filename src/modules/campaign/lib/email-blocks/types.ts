/**
 * An email composed of blocks, as the admin's editor builds it and the campaign stores it. Texts may
 * hold Liquid (`{{ contact.first_name }}`); the campaign's HTML body is compiled from the blocks.
 */
export type HeadingBlock = { type: "heading"; text: string }
/** Plain text: a blank line starts a paragraph, a line break stays a line break. */
export type TextBlock = { type: "text"; text: string }
export type ImageBlock = { type: "image"; src: string; alt: string; href?: string | null }
export type ButtonBlock = { type: "button"; label: string; url: string }
/** A product of Medusa's catalogue, as it was when picked (the email shows it even if it changes later). */
export type ProductCard = { id: string; title: string; handle: string; image_url?: string | null }
export type ProductsBlock = { type: "products"; products: ProductCard[] }
/** Shows the recipient's own `{{ promotion_code }}`. */
export type CodeBlock = { type: "code"; label: string }
export type DividerBlock = { type: "divider" }
/** Small print with the recipient's unsubscribe link. */
export type FooterBlock = { type: "footer"; text: string }

export type EmailBlock =
  | HeadingBlock
  | TextBlock
  | ImageBlock
  | ButtonBlock
  | ProductsBlock
  | CodeBlock
  | DividerBlock
  | FooterBlock

export type EmailBlockType = EmailBlock["type"]

/** Most product cards one block shows: a row of three on a wide screen, stacked on a phone. */
export const MAX_PRODUCTS_PER_BLOCK = 6
export const MAX_BLOCKS = 100
