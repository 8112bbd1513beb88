import fc from "fast-check"
import { compileSegmentDsl } from "../compile"
import { SegmentDslError } from "../errors"

// The only quoted text the compiler itself writes.
const CONSTANT_QUOTES = ["'1 second'", "'1 day'", "ESCAPE '\\'", "'^-?[0-9]+(\\.[0-9]+)?$'"]

function assertOnlyPlaceholders(where: string, params: unknown[]) {
  let rest = where
  for (const constant of CONSTANT_QUOTES) rest = rest.split(constant).join("")
  expect(rest).not.toContain("'")
  const used = new Set([...where.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))
  expect([...used].sort((a, b) => a - b)).toEqual(params.map((_, i) => i + 1))
}

const compileOrDslError = (text: string) => {
  try {
    return compileSegmentDsl(text, { lookup: () => undefined })
  } catch (error) {
    if (error instanceof SegmentDslError) {
      expect(error.line).toBeGreaterThanOrEqual(1)
      expect(error.column).toBeGreaterThanOrEqual(1)
      return null
    }
    throw error
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

const TOKENS = [
  "AND", "OR", "NOT", "IN", "CONTAINS", "STARTS", "WITH", "BETWEEN", "IS", "NULL", "true", "false", "within",
  "(", ")", ",", ".", "=", "!=", "<", "<=", ">", ">=", "email", "country", "orders_count", "total_spent",
  "days_since_last_order", "created_at", "metadata", "tier", "customer_group", "has_account", "purchased",
  "purchases", "in_segment", "category", "'x'", "'a''b'", "42", "-1.5", "30d", "2026-01-01", ";", "--", "'",
]

const textValue = fc.string({ maxLength: 12 })
const condition = fc.oneof(
  fc.tuple(fc.constantFrom("email", "first_name", "country", "metadata.tier"), fc.constantFrom("=", "!="), textValue).map(
    ([f, op, v]) => ({ text: `${f} ${op} ${quote(v)}`, values: [v] })
  ),
  fc.tuple(fc.constantFrom("email", "last_name"), fc.constantFrom("CONTAINS", "STARTS WITH"), textValue).map(
    ([f, op, v]) => ({ text: `${f} ${op} ${quote(v)}`, values: [v] })
  ),
  fc.tuple(fc.constantFrom("country", "customer_group"), fc.array(textValue, { minLength: 1, maxLength: 3 }), fc.boolean()).map(
    ([f, vs, not]) => ({ text: `${f} ${not ? "NOT IN" : "IN"} (${vs.map(quote).join(", ")})`, values: vs })
  ),
  fc.tuple(fc.constantFrom("orders_count", "total_spent", "days_since_last_order"), fc.constantFrom("=", "<", ">=", "!="), fc.integer({ min: -1e6, max: 1e6 })).map(
    ([f, op, v]) => ({ text: `${f} ${op} ${v}`, values: [] as string[] })
  ),
  fc.tuple(fc.constantFrom("category", "product", "collection"), textValue, fc.integer({ min: 1, max: 999 })).map(
    ([f, v, days]) => ({ text: `purchased(${f} = ${quote(v)}, within ${days}d)`, values: [v] })
  )
)
const expression: fc.Arbitrary<{ text: string; values: string[] }> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.tuple(tie("node"), fc.constantFrom("AND", "OR"), tie("node")).map(([l, op, r]: any) => ({
      text: `(${l.text}) ${op} (${r.text})`,
      values: [...l.values, ...r.values],
    })),
    tie("node").map((n: any) => ({ text: `NOT (${n.text})`, values: n.values }))
  ),
})).node as any

describe("segment DSL properties", () => {
  it("never throws anything but a located SegmentDslError, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const compiled = compileOrDslError(text)
        if (compiled) assertOnlyPlaceholders(compiled.where, compiled.params)
      }),
      { numRuns: 3000 }
    )
  })

  it("never throws anything else on streams of its own tokens", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (tokens) => {
        const compiled = compileOrDslError(tokens.join(" "))
        if (compiled) assertOnlyPlaceholders(compiled.where, compiled.params)
      }),
      { numRuns: 3000 }
    )
  })

  it("binds every value of a valid segment as a parameter and inlines none", () => {
    fc.assert(
      fc.property(expression, ({ text, values }) => {
        const { where, params } = compileSegmentDsl(text)
        assertOnlyPlaceholders(where, params)
        const bound = params.flat().filter((p): p is string => typeof p === "string").map((p) => p.toLowerCase())
        for (const value of values.map((v) => v.toLowerCase())) {
          const likeEscaped = value.replace(/[\\%_]/g, (c) => `\\${c}`)
          expect(bound.some((p) => p === value || p.includes(likeEscaped))).toBe(true)
        }
      }),
      { numRuns: 2000 }
    )
  })
})
