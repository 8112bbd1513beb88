import fc from "fast-check"
import { compileSegmentDsl, SegmentLookup } from "../compile"
import { SegmentDslError } from "../errors"
import { DECIMAL_LIMIT, INTEGER_RANGE, MAX_DAYS } from "../literals"
import { durationLiteral, KNOWN_HANDLE, numberLiteral, quote, segmentText } from "./arbitraries"

// The only quoted text the compiler itself writes.
const CONSTANT_QUOTES = ["'1 second'", "'1 day'", "'24 hours'", "ESCAPE '\\'", "'^-?[0-9]+(\\.[0-9]+)?$'"]

/** Every placeholder is used and cast, so Postgres never has to guess (or fail to guess) its type. */
function assertOnlyPlaceholders(where: string, params: unknown[]) {
  let rest = where
  for (const constant of CONSTANT_QUOTES) rest = rest.split(constant).join("")
  expect(rest).not.toContain("'")
  const used = new Set([...where.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])))
  expect([...used].sort((a, b) => a - b)).toEqual(params.map((_, i) => i + 1))
  expect(where).not.toMatch(/\$\d+(?!\d|::)/)
}

// What Postgres takes for each cast, checked independently of the compiler's own checks.
const storable = (v: unknown) => typeof v === "string" && !v.includes("\u0000") && Buffer.from(v).toString() === v
const integer = (v: unknown) => Number.isInteger(v) && (v as number) >= INTEGER_RANGE.min && (v as number) <= INTEGER_RANGE.max
const ACCEPTS: Record<string, (v: unknown) => boolean> = {
  text: storable,
  "text[]": (v) => Array.isArray(v) && v.every(storable),
  integer,
  "integer[]": (v) => Array.isArray(v) && v.every(integer),
  numeric: (v) => typeof v === "number" && Math.abs(v) <= DECIMAL_LIMIT,
  "numeric[]": (v) => Array.isArray(v) && v.every((n) => typeof n === "number" && Math.abs(n) <= DECIMAL_LIMIT),
  boolean: (v) => typeof v === "boolean",
  timestamptz: (v) => typeof v === "string" && /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) && !Number.isNaN(Date.parse(v)),
  "double precision": (v) => typeof v === "number" && v >= 0 && v <= MAX_DAYS * 86_400,
}

function assertTypedParams(where: string, params: unknown[]) {
  assertOnlyPlaceholders(where, params)
  for (const [, n, type] of where.matchAll(/\$(\d+)::(double precision|[a-z]+(?:\[\])?)/g)) {
    const value = params[Number(n) - 1]
    if (!ACCEPTS[type]?.(value)) throw new Error(`$${n}::${type} is bound to ${JSON.stringify(value)} in ${where}`)
  }
}

const lookup: SegmentLookup = (handle) =>
  handle === KNOWN_HANDLE ? { id: "mseg_known", kind: "live", dsl: "orders_count > 1" } : undefined

const compileOrDslError = (text: string) => {
  try {
    return compileSegmentDsl(text, { lookup })
  } catch (error) {
    if (error instanceof SegmentDslError) {
      expect(error.line).toBeGreaterThanOrEqual(1)
      expect(error.column).toBeGreaterThanOrEqual(1)
      expect(error.message).toMatch(new RegExp(`^Line ${error.line}, column ${error.column}: `))
      return null
    }
    throw error
  }
}

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
  fc.tuple(fc.constantFrom("orders_count", "total_spent"), fc.constantFrom("=", "<", ">=", "!="), fc.integer({ min: -1e6, max: 1e6 })).map(
    ([f, op, v]) => ({ text: `${f} ${op} ${v}`, values: [] as string[] })
  ),
  fc.tuple(fc.constantFrom("days_since_last_order", "days_since_first_order"), fc.constantFrom("=", "<", ">=", "!="), fc.integer({ min: 0, max: MAX_DAYS })).map(
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
        if (compiled) assertTypedParams(compiled.where, compiled.params)
      }),
      { numRuns: 3000 }
    )
  })

  it("never throws anything else on streams of its own tokens", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (tokens) => {
        const compiled = compileOrDslError(tokens.join(" "))
        if (compiled) assertTypedParams(compiled.where, compiled.params)
      }),
      { numRuns: 3000 }
    )
  })

  it("binds every value of a valid segment as a parameter and inlines none", () => {
    fc.assert(
      fc.property(expression, ({ text, values }) => {
        const { where, params } = compileSegmentDsl(text)
        assertTypedParams(where, params)
        const bound = params.flat().filter((p): p is string => typeof p === "string").map((p) => p.toLowerCase())
        for (const value of values.map((v) => v.toLowerCase())) {
          const likeEscaped = value.replace(/[\\%_]/g, (c) => `\\${c}`)
          expect(bound.some((p) => p === value || p.includes(likeEscaped))).toBe(true)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it("binds extreme numbers, dates, durations and awkward characters as values Postgres takes, or refuses them where they stand", () => {
    fc.assert(
      fc.property(segmentText, (text) => {
        const compiled = compileOrDslError(text)
        if (compiled) assertTypedParams(compiled.where, compiled.params)
      }),
      { numRuns: 3000 }
    )
  })

  it("takes exactly the numbers each kind of field holds", () => {
    const inRange = (text: string, min: number, max: number, whole: boolean) =>
      (!whole || Number.isInteger(Number(text))) && Number(text) >= min && Number(text) <= max
    fc.assert(
      fc.property(numberLiteral, (n) => {
        expect(compileOrDslError(`orders_count = ${n}`) !== null).toBe(inRange(n, INTEGER_RANGE.min, INTEGER_RANGE.max, true))
        expect(compileOrDslError(`purchases() = ${n}`) !== null).toBe(inRange(n, INTEGER_RANGE.min, INTEGER_RANGE.max, true))
        expect(compileOrDslError(`total_spent = ${n}`) !== null).toBe(inRange(n, -DECIMAL_LIMIT, DECIMAL_LIMIT, false))
        expect(compileOrDslError(`days_since_last_order = ${n}`) !== null).toBe(inRange(n, 0, MAX_DAYS, true))
      }),
      { numRuns: 2000 }
    )
  })

  it("takes durations up to 100 years, and whole days of them as day counts", () => {
    const SECONDS = { h: 3600, d: 86_400, w: 604_800 } as const
    fc.assert(
      fc.property(durationLiteral, (duration) => {
        const seconds = Number(duration.slice(0, -1)) * SECONDS[duration.slice(-1) as keyof typeof SECONDS]
        const days = seconds / 86_400
        expect(compileOrDslError(`created_at > ${duration}`) !== null).toBe(days <= MAX_DAYS)
        expect(compileOrDslError(`purchased(within ${duration})`) !== null).toBe(days <= MAX_DAYS)
        expect(compileOrDslError(`days_since_first_order < ${duration}`) !== null).toBe(Number.isInteger(days) && days <= MAX_DAYS)
      }),
      { numRuns: 2000 }
    )
  })
})
