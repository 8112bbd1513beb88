// `npm run docs:segments`: writes the segment language reference (fields, operators, functions) into
// docs/segments.md from the compiler's own tables; a unit test fails while the committed one differs.
import fs from "node:fs"
import path from "node:path"
import { withGeneratedReference } from "../src/modules/audience/lib/segment-dsl/reference"

const doc = path.join(__dirname, "..", "docs", "segments.md")
fs.writeFileSync(doc, withGeneratedReference(fs.readFileSync(doc, "utf8")))
console.log(`segment reference written into ${path.relative(process.cwd(), doc)}`)
