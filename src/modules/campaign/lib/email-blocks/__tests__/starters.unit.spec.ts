import { renderBlocksToHtml } from "../render-html"
import { EmailBlocksSchema } from "../schema"
import { STARTER_TEMPLATES } from "../starters"

describe("starter templates", () => {
  it.each(STARTER_TEMPLATES.map((starter) => [starter.name, starter]))("%s is valid content that compiles", async (_, starter) => {
    expect(EmailBlocksSchema.safeParse(starter.blocks).error?.issues ?? []).toEqual([])
    expect(await renderBlocksToHtml(starter.blocks, { storefrontUrl: null })).toMatch(/^<!doctype html>/i)
  })

  it("include one that hands out the contact's promotion code", () => {
    expect(STARTER_TEMPLATES.some((starter) => starter.blocks.some((block) => block.type === "code"))).toBe(true)
  })
})
