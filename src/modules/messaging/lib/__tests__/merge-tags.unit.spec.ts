import { readFileSync } from "fs"
import { join } from "path"
import { templateVariables } from "../compose-message"
import { MERGE_TAGS } from "../merge-tags"

/** Dotted paths of a variables object, down to the contact's own fields (metadata is free-form). */
const paths = (value: Record<string, unknown>, prefix = ""): string[] =>
  Object.entries(value).flatMap(([key, inner]) =>
    inner && typeof inner === "object" && !prefix ? paths(inner as Record<string, unknown>, `${key}.`) : [`${prefix}${key}`]
  )

describe("merge tags", () => {
  it("are exactly the variables the renderer passes to a template", () => {
    const contact = Object.fromEntries(MERGE_TAGS.filter((tag) => tag.name.startsWith("contact.")).map((tag) => [tag.name.slice(8), "x"]))
    const variables = { ...templateVariables(contact, { name: "Spring", subject: "Hi" }, "CODE"), unsubscribe_url: "https://u" }
    expect(paths(variables).sort()).toEqual(MERGE_TAGS.map((tag) => tag.name).sort())
  })

  it("are all documented with the renderer", () => {
    const docs = readFileSync(join(__dirname, "../../../../../docs/delivery.md"), "utf8")
    const undocumented = MERGE_TAGS.map((tag) => tag.name.replace(/^contact\./, "")).filter((name) => !docs.includes(`\`${name}\``))
    expect(undocumented).toEqual([])
  })
})
