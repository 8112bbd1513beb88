import fc from "fast-check"

type Def = { type: string; [key: string]: any }
type Schema = { _zod: { def: Def } }

/** Far past every bound the validators set on a string (and still under the body parser's limit). */
export const OVERSIZED_STRING = "x".repeat(90_000)

/** Any JSON value at all: what a caller who ignores the documented shape may send. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", " ", "null", "0", "-1", "1e309", "<script>", "'; drop table x; --", "../../etc/passwd", "\u0000", "🙂".repeat(30)),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(OVERSIZED_STRING),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })
)

const checks = (def: Def) => (def.checks ?? []).map((check: Schema) => check._zod.def) as Def[]
const bound = (def: Def, name: string) => checks(def).find((check) => check.check === name)

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const max = bound(def, "max_length")?.maximum as number | undefined
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max ?? 24, 24) }) },
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("2030-01-01T00:00:00Z", "email = 'a@example.com'", "a@example.com", "+4915112345678", "SUMMER-####") },
    { weight: 1, arbitrary: fc.constant("y".repeat((max ?? 300) + 1)) },
    { weight: 1, arbitrary: fc.constant(OVERSIZED_STRING) }
  )
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const min = bound(def, "greater_than")?.value as number | undefined
  const max = bound(def, "less_than")?.value as number | undefined
  // A bound's own value can be a million codes to generate: its neighbours past it are what is tested.
  const edges = [min, max].filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n + 1])
  return fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 0.5, 1e15, ...edges))
}

/**
 * Values of the shape a zod schema describes, bent often enough to be wrong: fields left out or of
 * another type, strings past their bound, unknown keys. Checks and refinements are not followed:
 * the server's answer to what fails them is what is under test.
 */
export function arbitraryOf(schema: Schema): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: shaped(schema) }, { weight: 1, arbitrary: junk })
}

function shaped(schema: Schema): fc.Arbitrary<unknown> {
  const def = schema._zod.def
  switch (def.type) {
    case "string":
      return stringArbitrary(def)
    case "number":
      return numberArbitrary(def)
    case "boolean":
      return fc.boolean()
    case "date":
      return fc.oneof(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.string({ maxLength: 12 }))
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>))
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]))
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
      return fc.oneof(arbitraryOf(def.innerType), fc.constant(undefined), fc.constant(null))
    case "pipe":
      // A preprocess or transform reads what its input side takes.
      return arbitraryOf(def.in._zod.def.type === "transform" ? def.out : def.in)
    case "union":
      return fc.oneof(...(def.options as Schema[]).map(arbitraryOf))
    case "array":
      return fc.array(arbitraryOf(def.element), { maxLength: 4 })
    case "record":
      return fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 4 })
    case "object": {
      const shape = def.shape as Record<string, Schema>
      const fields = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, arbitraryOf(value)]))
      return fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.option(fc.tuple(fc.string({ maxLength: 10 }), junk), { freq: 8 }))
        .map(([object, extra]) => (extra ? { ...object, [extra[0]]: extra[1] } : object))
    }
    default:
      return junk
  }
}
