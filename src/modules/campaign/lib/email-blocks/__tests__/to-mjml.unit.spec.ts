import { renderText } from "../../../../messaging/lib/render-template"
import { renderBlocksToHtml } from "../render-html"
import { blocksToMjml, escapeAroundLiquid } from "../to-mjml"
import { EmailBlock } from "../types"

const shop = { storefrontUrl: "https://shop.example.com/" }

describe("blocks → MJML", () => {
  it("escapes what a merchandiser types and keeps Liquid as written", () => {
    expect(escapeAroundLiquid(`Tom & <Jerry> {{ contact.first_name | default: "you" }}`)).toBe(
      `Tom &amp; &lt;Jerry&gt; {{ contact.first_name | default: "you" }}`
    )
    expect(escapeAroundLiquid(`{% if contact.orders_count > 1 %}a "b"{% endif %}`)).toBe(`{% if contact.orders_count > 1 %}a "b"{% endif %}`)
    // In an attribute a double quote would end it: Liquid's strings take single quotes as well.
    expect(escapeAroundLiquid(`https://x.test/?a="1"&c={{ x | default: "y" }}`, { attribute: true })).toBe(
      `https://x.test/?a=&quot;1&quot;&amp;c={{ x | default: 'y' }}`
    )
  })

  it("writes each block", () => {
    const mjml = blocksToMjml(
      [
        { type: "heading", text: "Spring <sale>" },
        { type: "text", text: "One\ntwo\n\nThree" },
        { type: "image", src: "https://img.example.com/a.png", alt: "A", href: null },
        { type: "button", label: "Shop", url: "https://shop.example.com/sale" },
        { type: "code", label: "Your code" },
        { type: "divider" },
        { type: "footer", text: "Acme" },
      ],
      shop
    )
    expect(mjml).toContain(">Spring &lt;sale&gt;</mj-text>")
    expect(mjml).toContain(`<p style="margin:0 0 12px">One<br />two</p><p style="margin:0 0 12px">Three</p>`)
    expect(mjml).toContain(`<mj-image src="https://img.example.com/a.png" alt="A" padding="0" />`)
    expect(mjml).toContain(`<mj-button href="https://shop.example.com/sale"`)
    expect(mjml).toContain(">{{ promotion_code }}</mj-text>")
    expect(mjml).toContain("<mj-divider")
    expect(mjml).toContain(`<a href="{{ unsubscribe_url }}"`)
    expect(mjml.match(/<mj-section/g)).toHaveLength(7)
  })

  it("lays product cards out three to a row, linked into the storefront when it is known", () => {
    const products = Array.from({ length: 4 }, (_, i) => ({ id: `prod_${i}`, title: `Shirt ${i}`, handle: `shirt-${i}`, image_url: null }))
    const block: EmailBlock = { type: "products", products }
    const linked = blocksToMjml([block], shop)
    expect(linked.match(/<mj-section/g)).toHaveLength(2)
    expect(linked.match(/<mj-column padding="8px">/g)).toHaveLength(4)
    expect(linked).toContain(`href="https://shop.example.com/products/shirt-0"`)
    const unlinked = blocksToMjml([block], { storefrontUrl: null })
    expect(unlinked).not.toContain("href=")
  })

  it("compiles to responsive HTML that the renderer fills per recipient", async () => {
    const html = await renderBlocksToHtml(
      [
        { type: "heading", text: `Hi {{ contact.first_name | default: "there" }}` },
        { type: "products", products: [{ id: "prod_1", title: "Linen shirt", handle: "linen-shirt", image_url: "https://img.example.com/s.png" }] },
        { type: "code", label: "Your code" },
        { type: "footer", text: "" },
      ],
      shop
    )
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain("@media only screen and (min-width:480px)")
    const rendered = renderText(html, {
      contact: { first_name: "Ada" },
      promotion_code: "SPRING-7QX",
      unsubscribe_url: "https://shop.example.com/u/abc",
    })
    expect(rendered).toContain("Hi Ada")
    expect(rendered).toContain("SPRING-7QX")
    expect(rendered).toContain(`href="https://shop.example.com/u/abc"`)
    expect(rendered).toContain(`href="https://shop.example.com/products/linen-shirt"`)
  })
})
