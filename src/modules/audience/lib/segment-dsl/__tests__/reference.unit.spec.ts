import fs from "node:fs"
import path from "node:path"
import { compileSegmentDsl } from "../compile"
import { SegmentDslError } from "../errors"
import { Operator } from "../fields"
import { segmentLanguageReference, withGeneratedReference } from "../reference"

const EVERY_OPERATOR: Operator[] = [
  "=", "!=", "<", "<=", ">", ">=", "IN", "NOT IN", "CONTAINS", "STARTS WITH", "BETWEEN", "IS NULL", "IS NOT NULL",
]

/** A value of the kind the field holds (the grammar takes only text after CONTAINS and STARTS WITH). */
const valueFor = (type: string, operator: Operator): string => {
  if (operator === "CONTAINS" || operator === "STARTS WITH") return "'gold'"
  switch (type) {
    case "number":
    case "days_since":
      return "3"
    case "date":
      return "2026-01-31"
    case "boolean":
      return "true"
    case "json":
      return ["<", "<=", ">", ">=", "BETWEEN"].includes(operator) ? "3" : "'gold'"
    default:
      return "'vip'"
  }
}

const condition = (field: string, type: string, operator: Operator): string => {
  const value = valueFor(type, operator)
  const name = field.replace("<key>", "tier")
  switch (operator) {
    case "IN":
    case "NOT IN":
      return `${name} ${operator} (${value})`
    case "BETWEEN":
      return `${name} BETWEEN ${value} AND ${value}`
    case "IS NULL":
    case "IS NOT NULL":
      return `${name} ${operator}`
    default:
      return `${name} ${operator} ${value}`
  }
}

const accepts = (text: string): boolean => {
  try {
    compileSegmentDsl(text, { lookup: (handle) => ({ id: "seg_1", kind: "static", dsl: `handle = '${handle}'` }) })
    return true
  } catch (error) {
    if (error instanceof SegmentDslError && /does not apply/.test(error.message)) return false
    throw error
  }
}

describe("segment language reference", () => {
  const reference = segmentLanguageReference()

  it.each(reference.fields.flatMap((field) => EVERY_OPERATOR.map((operator) => [field.name, operator, field] as const)))(
    "%s %s: compiles exactly when the reference lists it",
    (_name, operator, field) => {
      expect(accepts(condition(field.name, field.type, operator))).toBe(field.operators.includes(operator))
    }
  )

  it("docs/segments.md holds the reference generated from the compiler's tables (npm run docs:segments)", () => {
    const doc = fs.readFileSync(path.join(__dirname, "../../../../../../docs/segments.md"), "utf8")
    expect(doc).toBe(withGeneratedReference(doc))
  })
})
