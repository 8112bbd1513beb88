import { EmailBlock } from "./types"

/**
 * The templates every store starts with. Bundled with the plugin rather than seeded into each
 * store's database: they improve with the plugin's releases without a migration overwriting
 * anyone's edits, a store cannot lose them by deleting a row, and a merchandiser who adapts one
 * saves the result as a template of their own.
 */
export interface StarterTemplate {
  id: string
  name: string
  description: string
  subject: string
  blocks: EmailBlock[]
}

const footer: EmailBlock = {
  type: "footer",
  text: "You get this email because you subscribed to our news.",
}

export const STARTER_TEMPLATES: StarterTemplate[] = [
  {
    id: "starter_newsletter",
    name: "Newsletter",
    description: "A heading, a story with a picture, a link to read more.",
    subject: "What's new this month",
    blocks: [
      { type: "heading", text: `Hello {{ contact.first_name | default: "there" }}` },
      { type: "text", text: "Here is what happened in our shop this month." },
      { type: "image", src: "https://placehold.co/600x300/png", alt: "This month's story", href: null },
      { type: "text", text: "Tell the story here: new arrivals, a behind-the-scenes look, a customer's favourite." },
      { type: "button", label: "Read more", url: "https://example.com" },
      { type: "divider" },
      footer,
    ],
  },
  {
    id: "starter_promotion",
    name: "Promotion announcement with code",
    description: "An offer with the contact's own promotion code.",
    subject: "{{ contact.first_name | default: 'You' }}, a gift for you",
    blocks: [
      { type: "heading", text: "A little something for you" },
      {
        type: "text",
        text: `Hi {{ contact.first_name | default: "there" }},\n\nEnjoy 20% off your next order with your personal code.`,
      },
      { type: "code", label: "Your code" },
      { type: "button", label: "Shop now", url: "https://example.com" },
      footer,
    ],
  },
  {
    id: "starter_product_launch",
    name: "Product launch",
    description: "A new product with its picture, and more to discover.",
    subject: "Just in: something new",
    blocks: [
      { type: "image", src: "https://placehold.co/600x300/png", alt: "Our new product", href: null },
      { type: "heading", text: "Meet our newest product" },
      { type: "text", text: "Say what makes it special, in two or three sentences." },
      { type: "button", label: "Discover it", url: "https://example.com" },
      { type: "divider" },
      { type: "text", text: "Pick the products to show below from your catalogue." },
      footer,
    ],
  },
]
