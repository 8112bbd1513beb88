import { EmailBlocksSchema, isWebUrl } from "../schema"

const problems = (blocks: unknown) => {
  const result = EmailBlocksSchema.safeParse(blocks)
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)
}

describe("email block validation", () => {
  it("takes every kind of block", () => {
    expect(
      problems([
        { type: "heading", text: "Hi {{ contact.first_name }}" },
        { type: "text", text: "Hello" },
        { type: "image", src: "https://img.example.com/a.png", alt: "", href: "https://shop.example.com/?c={{ promotion_code }}" },
        { type: "button", label: "Shop", url: "http://shop.example.com" },
        { type: "products", products: [{ id: "prod_1", title: "Shirt", handle: "shirt", image_url: null }] },
        { type: "code", label: "" },
        { type: "divider" },
        { type: "footer", text: "" },
      ])
    ).toEqual([])
  })

  it.each([
    [[{ type: "button", label: "Shop" }], "0.url: blocks: block 1: url is required for a button block"],
    [[{ type: "divider" }, { type: "button", label: "Shop", url: "javascript:alert(1)" }], "1.url: blocks: block 2: button url must be an http(s) URL"],
    [[{ type: "image", src: "data:image/png;base64,AAAA", alt: "" }], "0.src: blocks: block 1: image src must be an http(s) URL"],
    [[{ type: "image", src: "https://", alt: "" }], "image src must be an http(s) URL"],
    [[{ type: "heading", text: "  " }], "0.text: blocks: block 1: heading text must not be empty"],
    [[{ type: "text", text: "Hi {{ contact.first_name" }], "0.text: blocks: block 1: text: Line 1, column 4"],
    [[{ type: "products", products: [] }], "0.products: blocks: block 1: products must hold at least one product"],
    [[{ type: "products", products: [{ id: "p", title: "T", handle: "a b" }] }], "blocks: block 1: product 1: handle must hold only letters"],
    [[{ type: "marquee" }], "0.type: blocks: block 1: type must be one of heading, text"],
    [[{ type: "divider", colour: "red" }], "block 1: unknown field 'colour' for a divider block"],
    [[{ type: "heading", text: 5 }], "block 1: text: Invalid input: expected string, received number"],
    [[{ type: "products", products: [{ id: "p", handle: "h" }] }], "blocks: block 1: product 1: title is required for a products block"],
    [[], ": blocks must hold at least one block"],
  ])("refuses %j, saying what is wrong", (blocks, message) => {
    expect(problems(blocks).join("\n")).toContain(message)
  })

  it("takes Liquid inside a URL but not a URL that is only Liquid", () => {
    expect(isWebUrl("https://shop.example.com/{{ contact.metadata.store }}?c={{ promotion_code }}")).toBe(true)
    expect(isWebUrl("{{ unsubscribe_url }}")).toBe(false)
    expect(isWebUrl("shop.example.com")).toBe(false)
  })
})
