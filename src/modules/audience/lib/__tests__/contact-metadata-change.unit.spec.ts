import { changeContactMetadata, ContactMetadataChange } from "../contact-metadata-change"

const change = (partial: Partial<ContactMetadataChange>): ContactMetadataChange => ({ add_tags: [], remove_tags: [], set_attributes: {}, ...partial })

describe("changeContactMetadata", () => {
  it.each([
    ["adds tags after the ones held, each once", { tags: ["vip"] }, change({ add_tags: ["hesitant", "vip"] }), { tags: ["vip", "hesitant"] }],
    ["removes tags", { tags: ["vip", "hesitant"], tier: "gold" }, change({ remove_tags: ["hesitant", "never_held"] }), { tags: ["vip"], tier: "gold" }],
    ["ends with a tag removed when it is both added and removed", null, change({ add_tags: ["a"], remove_tags: ["a"] }), { tags: [] }],
    ["starts from no tags when there is no metadata", null, change({ add_tags: ["new"] }), { tags: ["new"] }],
    ["starts from no tags when `tags` is not a list", { tags: "vip" }, change({ add_tags: ["new"] }), { tags: ["new"] }],
    ["keeps only the strings of a list of tags", { tags: ["vip", 3, null] }, change({ add_tags: ["new"] }), { tags: ["vip", "new"] }],
    ["sets and removes attributes, leaving the others", { tier: "gold", source: "ad" }, change({ set_attributes: { tier: "silver", source: null, vip: true, visits: 3 } }), { tier: "silver", vip: true, visits: 3 }],
    ["leaves tags alone when no tag changes", { tags: "as entered" }, change({ set_attributes: { tier: "gold" } }), { tags: "as entered", tier: "gold" }],
  ])("%s", (_, metadata, update, expected) => {
    expect(changeContactMetadata(metadata as Record<string, unknown> | null, update)).toEqual(expected)
  })

  it("does not change the metadata it is given", () => {
    const metadata = { tags: ["vip"], tier: "gold" }
    changeContactMetadata(metadata, change({ add_tags: ["new"], set_attributes: { tier: null } }))
    expect(metadata).toEqual({ tags: ["vip"], tier: "gold" })
  })
})
