import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FIELDS, FUNCTIONS, SEGMENT_FIELD } from "../../../../../modules/audience/lib/segment-dsl/fields"

const OPERATORS: Record<string, string[]> = {
  string: ["=", "!=", "IN", "NOT IN", "CONTAINS", "STARTS WITH", "IS NULL", "IS NOT NULL"],
  number: ["=", "!=", "<", "<=", ">", ">=", "IN", "NOT IN", "BETWEEN", "IS NULL", "IS NOT NULL"],
  days_since: ["=", "!=", "<", "<=", ">", ">=", "IN", "BETWEEN", "IS NULL", "IS NOT NULL"],
  date: ["=", "!=", "<", "<=", ">", ">=", "BETWEEN", "IS NULL", "IS NOT NULL"],
  boolean: ["=", "!=", "IS NULL", "IS NOT NULL"],
  string_set: ["=", "!=", "IN", "NOT IN", "IS NULL", "IS NOT NULL"],
  json: ["=", "!=", "<", "<=", ">", ">=", "IN", "NOT IN", "CONTAINS", "STARTS WITH", "BETWEEN", "IS NULL"],
}

/** What the segment editor shows beside the text: fields, their operators, and functions. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    fields: [
      ...Object.entries(FIELDS).map(([name, field]) => ({
        name: field.type === "json" ? `${name}.<key>` : name,
        type: field.type,
        description: field.description,
        operators: OPERATORS[field.type],
      })),
      { name: SEGMENT_FIELD, type: "segment", description: "membership of a segment by handle", operators: ["=", "!=", "IN", "NOT IN"] },
    ],
    functions: Object.entries(FUNCTIONS).map(([name, fn]) => ({ name, ...fn })),
    logic: ["AND", "OR", "NOT", "( )"],
    literals: ["'text'", "42", "true / false", "2026-01-31", "30d / 12h / 6w"],
  })
}
