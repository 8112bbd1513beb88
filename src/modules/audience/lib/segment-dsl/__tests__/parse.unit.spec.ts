import { parseSegmentDsl } from "../parse"
import { SegmentDslError } from "../errors"

/** The AST without positions, as a compact string: (a AND b) OR c. */
function show(node: any): string {
  switch (node.type) {
    case "and":
    case "or":
      return `(${show(node.left)} ${node.type.toUpperCase()} ${show(node.right)})`
    case "not":
      return `NOT ${show(node.expr)}`
    case "compare":
      return `${field(node.field)} ${node.op} ${lit(node.value)}`
    case "in":
      return `${field(node.field)} ${node.negated ? "NOT IN" : "IN"} [${node.values.map(lit).join(",")}]`
    case "contains":
      return `${field(node.field)} CONTAINS ${lit(node.value)}`
    case "starts_with":
      return `${field(node.field)} STARTS WITH ${lit(node.value)}`
    case "between":
      return `${field(node.field)} BETWEEN ${lit(node.low)}..${lit(node.high)}`
    case "is_null":
      return `${field(node.field)} IS ${node.negated ? "NOT " : ""}NULL`
    case "call":
      return `${node.name}(${node.args.map(arg).join(", ")})`
    case "call_compare":
      return `${show(node.call)} ${node.op} ${lit(node.value)}`
  }
  throw new Error(node.type)
}
const field = (f: any) => (f.key ? `${f.name}.${f.key}` : f.name)
const lit = (l: any) => `${l.kind}:${JSON.stringify(l.value)}`
const arg = (a: any) =>
  a.kind === "within" ? `within ${lit(a.values[0])}` : a.kind === "literal" ? lit(a.values[0]) : `${a.name} ${a.op ?? "IN"} ${a.values.map(lit).join(",")}`

const parse = (text: string) => show(parseSegmentDsl(text))

describe("segment DSL parser", () => {
  describe("precedence", () => {
    it.each([
      ["a = 1 AND b = 2 OR c = 3", "((a = number:1 AND b = number:2) OR c = number:3)"],
      ["a = 1 OR b = 2 AND c = 3", "(a = number:1 OR (b = number:2 AND c = number:3))"],
      ["a = 1 OR b = 2 OR c = 3", "((a = number:1 OR b = number:2) OR c = number:3)"],
      ["a = 1 AND b = 2 AND c = 3", "((a = number:1 AND b = number:2) AND c = number:3)"],
      ["(a = 1 OR b = 2) AND c = 3", "((a = number:1 OR b = number:2) AND c = number:3)"],
      ["NOT a = 1 AND b = 2", "(NOT a = number:1 AND b = number:2)"],
      ["NOT (a = 1 AND b = 2)", "NOT (a = number:1 AND b = number:2)"],
      ["NOT NOT a = 1", "NOT NOT a = number:1"],
      ["a BETWEEN 1 AND 2 AND b = 3", "(a BETWEEN number:1..number:2 AND b = number:3)"],
      ["((a = 1))", "a = number:1"],
    ])("%s", (text, expected) => {
      expect(parse(text)).toBe(expected)
    })

    it("reads the seed's example in its natural form", () => {
      expect(parse("in_segment('vip') AND days_since_last_order < 30 OR purchases(within 30d) > 3")).toBe(
        "((in_segment(string:\"vip\") AND days_since_last_order < number:30) OR purchases(within duration:2592000) > number:3)"
      )
      expect(parse("segment = 'VIP' AND days_since_last_order < 30 OR purchases(within 30d) > 3")).toBe(
        "((segment = string:\"VIP\" AND days_since_last_order < number:30) OR purchases(within duration:2592000) > number:3)"
      )
    })
  })

  describe("operators", () => {
    it.each([
      ["x = 1", "x = number:1"],
      ["x != 1", "x != number:1"],
      ["x <> 1", "x != number:1"],
      ["x < 1", "x < number:1"],
      ["x <= 1", "x <= number:1"],
      ["x > 1", "x > number:1"],
      ["x >= -1.5", "x >= number:-1.5"],
      ["x IN ('a', 'b')", 'x IN [string:"a",string:"b"]'],
      ["x NOT IN (1)", "x NOT IN [number:1]"],
      ["x CONTAINS 'a'", 'x CONTAINS string:"a"'],
      ["x STARTS WITH 'a'", 'x STARTS WITH string:"a"'],
      ["x BETWEEN 2024-01-01 AND 2024-12-31", 'x BETWEEN date:"2024-01-01"..date:"2024-12-31"'],
      ["x IS NULL", "x IS NULL"],
      ["x IS NOT NULL", "x IS NOT NULL"],
      ["metadata.tier = 'gold'", 'metadata.tier = string:"gold"'],
    ])("%s", (text, expected) => {
      expect(parse(text)).toBe(expected)
    })

    it("takes keywords in any case", () => {
      expect(parse("x in (1) and not y is null or z starts with 'a'")).toBe(
        '((x IN [number:1] AND NOT y IS NULL) OR z STARTS WITH string:"a")'
      )
    })
  })

  describe("literals", () => {
    it.each([
      ["x = 'it''s'", 'x = string:"it\'s"'],
      ["x = 'C:\\temp'", 'x = string:"C:\\\\temp"'],
      ["x = ''", 'x = string:""'],
      ["x = 42", "x = number:42"],
      ["x = 0.25", "x = number:0.25"],
      ["x = true", "x = boolean:true"],
      ["x = FALSE", "x = boolean:false"],
      ["x = 2026-03-01", 'x = date:"2026-03-01"'],
      ["x = 2026-03-01T10:30:00Z", 'x = date:"2026-03-01T10:30:00Z"'],
      ["x = 12h", "x = duration:43200"],
      ["x = 30d", "x = duration:2592000"],
      ["x = 6w", "x = duration:3628800"],
    ])("%s", (text, expected) => {
      expect(parse(text)).toBe(expected)
    })
  })

  describe("functions", () => {
    it.each([
      ["purchased(category = 'shoes', within 180d)", 'purchased(category = string:"shoes", within duration:15552000)'],
      ["purchased(product IN ('a', 'b'))", 'purchased(product IN string:"a",string:"b")'],
      ["purchased()", "purchased()"],
      ["purchases(collection = 'summer') >= 2", 'purchases(collection = string:"summer") >= number:2'],
      ["in_segment('vip')", 'in_segment(string:"vip")'],
      ["opened(within 7d)", "opened(within duration:604800)"],
    ])("%s", (text, expected) => {
      expect(parse(text)).toBe(expected)
    })
  })

  it("spans several lines", () => {
    expect(parse("orders_count > 1\n  AND\n  country = 'DE'")).toBe('(orders_count > number:1 AND country = string:"DE")')
  })

  describe("errors", () => {
    const error = (text: string) => {
      try {
        parseSegmentDsl(text)
      } catch (e) {
        expect(e).toBeInstanceOf(SegmentDslError)
        return (e as SegmentDslError).toJSON()
      }
      throw new Error(`parsed: ${text}`)
    }

    it("reports an unexpected token with its line, column and what was expected", () => {
      expect(error("orders_count > 1 AND AND x = 1")).toEqual({
        message: "Line 1, column 22: unexpected 'AND'; expected (, NOT, a field or function name",
        line: 1,
        column: 22,
        token: "AND",
        expected: ["(", "NOT", "a field or function name"],
      })
    })

    it("reports a character the language does not know", () => {
      expect(error("total_spent > 5 & x = 1")).toMatchObject({ line: 1, column: 17, token: "&" })
      expect(error("total_spent > 5 & x = 1").message).toMatch(/unexpected character '&'; expected AND, OR/)
    })

    it("reports positions on later lines", () => {
      expect(error("a = 1 AND\nb = = 2")).toMatchObject({ line: 2, column: 5, token: "=" })
    })

    it("reports incomplete input at its end", () => {
      expect(error("country IN ('DE',")).toMatchObject({
        message: expect.stringMatching(/^Line 1, column 18: the condition is incomplete; expected /),
        token: null,
      })
      expect(error("x =").expected).toEqual(expect.arrayContaining(["a number", "a 'quoted string'"]))
      expect(error("(a = 1")).toMatchObject({ expected: expect.arrayContaining([")"]) })
    })

    it("reports an unterminated string", () => {
      expect(error("email = 'abc")).toMatchObject({ line: 1, column: 9, token: "'" })
    })

    it("refuses an empty segment", () => {
      expect(error("   ").message).toMatch(/empty/)
    })

    it.each(["x", "= 1", "x 1", "x IN 1", "x NOT 1", "x BETWEEN 1", "x IS", "purchased(", "x = 1)", "1 = x", "x CONTAINS 5"])(
      "refuses %j",
      (text) => {
        expect(error(text).message).toMatch(/^Line \d+, column \d+: /)
      }
    )
  })
})
