// Generators of segment DSL text, heavy on the values at and beyond the edges of what the compiler accepts.
// Shared by the compiler's property tests and the HTTP fuzz test (integration-tests/http/segment-dsl-fuzz.spec.ts).
import fc from "fast-check"

export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`

const digits = (width: number, max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(width, "0"))

export const numberLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "0", "-0", "2.5", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "3000000000", "36500", "36501",
    "99999999", "1000000000000000", "1000000000000001", "-1000000000000000.5", "0.000000000000000000001",
    "123456789012345678901234567890"
  ),
  fc.integer().map(String),
  fc
    .tuple(fc.boolean(), fc.stringMatching(/^\d{1,30}$/), fc.option(fc.stringMatching(/^\d{1,12}$/)))
    .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`)
)

const timeOfDay = fc
  .record({
    hour: digits(2, 25),
    minute: digits(2, 61),
    second: fc.option(fc.tuple(digits(2, 61), fc.option(fc.stringMatching(/^\d{1,9}$/)))),
    zone: fc.option(
      fc.oneof(
        fc.constant("Z"),
        fc.tuple(fc.constantFrom("+", "-"), digits(2, 25), fc.constantFrom("", ":"), digits(2, 61)).map((p) => p.join(""))
      )
    ),
  })
  .map(({ hour, minute, second, zone }) => {
    const seconds = second ? `:${second[0]}${second[1] === null ? "" : `.${second[1]}`}` : ""
    return `T${hour}:${minute}${seconds}${zone ?? ""}`
  })

export const dateLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "0000-01-01", "0001-01-01", "9999-12-31", "2026-01-01", "2025-06-01", "2024-02-29", "2026-02-29", "2026-13-01",
    "2026-01-32", "2026-01-01T24:00Z", "2026-01-01T10:00", "0001-01-01T00:00+00:01", "9999-12-31T23:59:59.999999-14:00"
  ),
  fc
    .tuple(digits(4, 9999), digits(2, 13), digits(2, 32), fc.option(timeOfDay))
    .map(([year, month, day, time]) => `${year}-${month}-${day}${time ?? ""}`)
)

export const durationLiteral: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("0d", "30d", "36500d", "36501d", "5214w", "5215w", "876000h", "876001h", "36h", "1.5d", "0.0001h", "99999999999999999999w"),
  fc
    .tuple(fc.stringMatching(/^\d{1,22}$/), fc.option(fc.stringMatching(/^\d{1,6}$/)), fc.constantFrom("h", "d", "w"))
    .map(([whole, fraction, unit]) => `${whole}${fraction === null ? "" : `.${fraction}`}${unit}`)
)

/** Characters Postgres cannot store (U+0000, halves of surrogate pairs), other control characters, LIKE wildcards. */
const awkwardCharacter = fc.constantFrom(
  "\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085", "\u2028", "\ud800", "\udfff", "\ud83d\ude00", "\t", "\r",
  "'", "%", "_", "\\", "é"
)

export const textLiteral: fc.Arbitrary<string> = fc
  .string({ unit: fc.oneof(awkwardCharacter, fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 })
  .map(quote)

const booleanLiteral = fc.constantFrom("true", "false")

const anyLiteral = fc.oneof(numberLiteral, dateLiteral, durationLiteral, textLiteral, booleanLiteral)

/** The handle of a segment that the HTTP fuzz test creates beforehand. */
export const KNOWN_HANDLE = "fuzz-known"

const FIELD_LITERALS: Record<string, fc.Arbitrary<string>> = {
  email: textLiteral,
  country: textLiteral,
  customer_group: textLiteral,
  "metadata.tier": textLiteral,
  "metadata.points": numberLiteral,
  "metadata.beta": booleanLiteral,
  has_account: booleanLiteral,
  orders_count: numberLiteral,
  total_spent: numberLiteral,
  avg_order_value: numberLiteral,
  created_at: fc.oneof(dateLiteral, durationLiteral),
  last_order_at: fc.oneof(dateLiteral, durationLiteral),
  days_since_last_order: fc.oneof(numberLiteral, durationLiteral),
  segment: fc.oneof(fc.constant(quote(KNOWN_HANDLE)), textLiteral),
}

/** Mostly a value of the field's own kind, sometimes any value. */
const literalFor = (field: string) => fc.oneof({ arbitrary: FIELD_LITERALS[field], weight: 4 }, { arbitrary: anyLiteral, weight: 1 })

const operator = fc.constantFrom("=", "!=", "<", "<=", ">", ">=")

const fieldCondition = fc.constantFrom(...Object.keys(FIELD_LITERALS)).chain((field) =>
  fc.oneof(
    fc.tuple(operator, literalFor(field)).map(([op, value]) => `${field} ${op} ${value}`),
    fc
      .tuple(fc.constantFrom("IN", "NOT IN"), fc.array(literalFor(field), { minLength: 1, maxLength: 3 }))
      .map(([op, values]) => `${field} ${op} (${values.join(", ")})`),
    fc.tuple(literalFor(field), literalFor(field)).map(([low, high]) => `${field} BETWEEN ${low} AND ${high}`),
    fc.tuple(fc.constantFrom("CONTAINS", "STARTS WITH"), textLiteral).map(([op, value]) => `${field} ${op} ${value}`),
    fc.constantFrom("IS NULL", "IS NOT NULL").map((test) => `${field} ${test}`)
  )
)

const purchaseFilter = fc.oneof(
  fc.tuple(fc.constantFrom("category", "product", "collection"), fc.constantFrom("=", "!="), textLiteral).map((p) => p.join(" ")),
  fc
    .tuple(fc.constantFrom("category", "product"), fc.array(textLiteral, { minLength: 1, maxLength: 3 }))
    .map(([filter, values]) => `${filter} IN (${values.join(", ")})`),
  durationLiteral.map((duration) => `within ${duration}`)
)

const callCondition = fc.oneof(
  fc.array(purchaseFilter, { maxLength: 2 }).map((filters) => `purchased(${filters.join(", ")})`),
  fc
    .tuple(fc.array(purchaseFilter, { maxLength: 2 }), operator, fc.oneof(numberLiteral, anyLiteral))
    .map(([filters, op, value]) => `purchases(${filters.join(", ")}) ${op} ${value}`),
  fc.oneof(fc.constant(quote(KNOWN_HANDLE)), textLiteral).map((handle) => `in_segment(${handle})`)
)

export const condition = fc.oneof({ arbitrary: fieldCondition, weight: 4 }, { arbitrary: callCondition, weight: 1 })

/** Conditions joined by AND, OR and NOT, a few levels deep. */
export const segmentText: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.tuple(tie("node"), fc.constantFrom("AND", "OR"), tie("node")).map(([left, op, right]) => `(${left}) ${op} (${right})`),
    tie("node").map((node) => `NOT (${node})`)
  ),
})).node
