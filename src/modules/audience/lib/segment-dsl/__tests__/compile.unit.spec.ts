import { compileSegmentDsl, SegmentReference } from "../compile"
import { SegmentDslError } from "../errors"

const compile = (text: string, segments: Record<string, SegmentReference> = {}, handle?: string) =>
  compileSegmentDsl(text, { lookup: (h) => segments[h], handle })

const message = (text: string, segments: Record<string, SegmentReference> = {}, handle?: string) => {
  try {
    compile(text, segments, handle)
  } catch (error) {
    expect(error).toBeInstanceOf(SegmentDslError)
    return (error as Error).message
  }
  throw new Error(`compiled: ${text}`)
}

describe("segment DSL compiler", () => {
  describe("text fields", () => {
    it.each([
      ["first_name = 'Ada'", "c.first_name = $1", ["Ada"]],
      ["email = 'Ada@Example.com'", "c.email = $1", ["ada@example.com"]],
      ["country != 'DE'", "c.country_code IS DISTINCT FROM $1", ["de"]],
      ["country IN ('DE', 'fr')", "c.country_code = ANY($1::text[])", [["de", "fr"]]],
      ["country NOT IN ('DE')", "NOT COALESCE(c.country_code = ANY($1::text[]), false)", [["de"]]],
      ["email CONTAINS '@gmail'", "c.email ILIKE $1 ESCAPE '\\'", ["%@gmail%"]],
      ["last_name STARTS WITH 'Mc'", "c.last_name ILIKE $1 ESCAPE '\\'", ["Mc%"]],
      ["email CONTAINS '50%_off\\\\'", "c.email ILIKE $1 ESCAPE '\\'", ["%50\\%\\_off\\\\\\\\%"]],
      ["phone IS NULL", "c.phone IS NULL", []],
      ["phone IS NOT NULL", "c.phone IS NOT NULL", []],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("numbers", () => {
    it.each([
      ["orders_count = 3", "c.orders_count = $1", [3]],
      ["orders_count != 3", "c.orders_count IS DISTINCT FROM $1", [3]],
      ["total_spent > 500", "c.total_spent > $1", [500]],
      ["total_spent >= 500.5", "c.total_spent >= $1", [500.5]],
      ["total_spent < 10", "c.total_spent < $1", [10]],
      ["total_spent <= 10", "c.total_spent <= $1", [10]],
      ["orders_count IN (1, 2)", "c.orders_count = ANY($1::numeric[])", [[1, 2]]],
      ["total_spent BETWEEN 10 AND 20", "c.total_spent BETWEEN $1 AND $2", [10, 20]],
      ["avg_order_value > 80", "(CASE WHEN c.orders_count > 0 THEN c.total_spent / c.orders_count END) > $1", [80]],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("dates", () => {
    it.each([
      ["created_at = 2026-03-01", "(c.created_at >= $1::timestamptz AND c.created_at < $2::timestamptz)", ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]],
      ["created_at < 2026-03-01", "c.created_at < $1::timestamptz", ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]],
      ["created_at <= 2026-03-01", "c.created_at < $2::timestamptz", ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]],
      ["created_at > 2026-03-01", "c.created_at >= $2::timestamptz", ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]],
      ["created_at >= 2026-03-01", "c.created_at >= $1::timestamptz", ["2026-03-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"]],
      ["created_at > 2026-03-01T10:00:00Z", "c.created_at > $1::timestamptz", ["2026-03-01T10:00:00.000Z"]],
      ["created_at > 30d", "c.created_at > (now() - $1 * interval '1 second')", [2_592_000]],
      ["last_order_at BETWEEN 2026-01-01 AND 2026-01-31", "(c.last_order_at >= $1::timestamptz AND c.last_order_at < $4::timestamptz)", ["2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z", "2026-01-31T00:00:00.000Z", "2026-02-01T00:00:00.000Z"]],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })

    it("refuses impossible dates", () => {
      expect(message("created_at > 2026-02-30")).toMatch(/column 14: '2026-02-30' is not a valid date/)
    })
  })

  describe("days since an order, compared on the indexed timestamp", () => {
    const ago = (n: number) => `(now() - $${n} * interval '1 day')`
    it.each([
      ["days_since_last_order < 90", `c.last_order_at > ${ago(1)}`, [90]],
      ["days_since_last_order <= 90", `c.last_order_at > ${ago(1)}`, [91]],
      ["days_since_last_order > 90", `c.last_order_at <= ${ago(1)}`, [91]],
      ["days_since_last_order >= 90", `c.last_order_at <= ${ago(1)}`, [90]],
      ["days_since_last_order = 3", `(c.last_order_at <= ${ago(1)} AND c.last_order_at > ${ago(2)})`, [3, 4]],
      ["days_since_first_order != 3", `NOT COALESCE((c.first_order_at <= ${ago(1)} AND c.first_order_at > ${ago(2)}), false)`, [3, 4]],
      ["days_since_last_order < 2w", `c.last_order_at > ${ago(1)}`, [14]],
      ["days_since_last_order BETWEEN 7 AND 30", `(c.last_order_at <= ${ago(1)} AND c.last_order_at > ${ago(2)})`, [7, 31]],
      ["days_since_last_order IS NULL", "c.last_order_at IS NULL", []],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("booleans, groups and metadata", () => {
    it.each([
      ["has_account = true", "c.has_account = $1", [true]],
      ["has_account != false", "c.has_account IS DISTINCT FROM $1", [false]],
      ["customer_group = 'VIP'", "c.customer_groups @> ARRAY[$1]::text[]", ["vip"]],
      ["customer_group != 'VIP'", "NOT COALESCE(c.customer_groups @> ARRAY[$1]::text[], false)", ["vip"]],
      ["customer_group IN ('a', 'B')", "c.customer_groups && $1::text[]", [["a", "b"]]],
      ["customer_group IS NULL", "COALESCE(cardinality(c.customer_groups), 0) = 0", []],
      ["metadata.tier = 'Gold'", "(c.metadata ->> $1) = $2", ["tier", "Gold"]],
      ["metadata.tier IN ('a')", "(c.metadata ->> $1) = ANY($2::text[])", ["tier", ["a"]]],
      ["metadata.points > 100", "(CASE WHEN (c.metadata ->> $1) ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (c.metadata ->> $1)::numeric END) > $2", ["points", 100]],
      ["metadata.beta = true", "(c.metadata ->> $1) = $2", ["beta", "true"]],
      ["metadata.tier IS NULL", "(c.metadata ->> $1) IS NULL", ["tier"]],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("logic", () => {
    it("nests AND, OR and NOT, where NOT also matches unknown values", () => {
      expect(compile("NOT (country = 'DE' OR orders_count > 1) AND has_account = true").where).toBe(
        "(NOT COALESCE((c.country_code = $1 OR c.orders_count > $2), false) AND c.has_account = $3)"
      )
    })
  })

  describe("purchases", () => {
    it("compiles purchased() to an EXISTS over purchase facts", () => {
      expect(compile("purchased(category = 'Shoes', within 180d)")).toEqual({
        where:
          "EXISTS (SELECT 1 FROM marketing_purchase pu WHERE pu.contact_id = c.id AND pu.deleted_at IS NULL AND pu.category_keys @> ARRAY[$1]::text[] AND pu.purchased_at >= now() - $2 * interval '1 second')",
        params: ["shoes", 15_552_000],
        references: [],
      })
    })

    it("filters by product, collection, lists and exclusions", () => {
      expect(compile("purchased(product IN ('tee', 'cap'), collection != 'sale')").where).toBe(
        "EXISTS (SELECT 1 FROM marketing_purchase pu WHERE pu.contact_id = c.id AND pu.deleted_at IS NULL AND pu.product_keys && $1::text[] AND NOT (pu.collection_keys @> ARRAY[$2]::text[]))"
      )
    })

    it("counts orders with purchases()", () => {
      expect(compile("purchases(within 30d) > 3")).toEqual({
        where:
          "(SELECT count(DISTINCT pu.order_id) FROM marketing_purchase pu WHERE pu.contact_id = c.id AND pu.deleted_at IS NULL AND pu.purchased_at >= now() - $1 * interval '1 second') > $2",
        params: [2_592_000, 3],
        references: [],
      })
    })

    it.each([
      ["purchases(within 30d)", /purchases\(\.\.\.\) is a number/],
      ["purchased(within 30d) > 1", /purchased\(\.\.\.\) is true or false/],
      ["purchased(brand = 'x')", /filters by category, product, collection/],
      ["purchased(category > 'x')", /'>' does not apply to 'category'/],
      ["purchased(category = 5)", /'category' compares with a string, not a number/],
      ["purchased(within 1d, within 2d)", /only one 'within'/],
      ["purchased('x')", /filters by/],
    ])("refuses %s", (text, pattern) => {
      expect(message(text)).toMatch(pattern)
    })
  })

  describe("segments", () => {
    const segments: Record<string, SegmentReference> = {
      vip: { id: "seg_vip", kind: "live", dsl: "total_spent > 1000" },
      frozen: { id: "seg_frozen", kind: "static", dsl: "orders_count > 0" },
      a: { id: "seg_a", kind: "live", dsl: "in_segment('b')" },
      b: { id: "seg_b", kind: "live", dsl: "in_segment('a')" },
      broken: { id: "seg_broken", kind: "live", dsl: "total_spent >" },
      nested: { id: "seg_nested", kind: "live", dsl: "in_segment('vip') AND country = 'DE'" },
    }

    it("inlines a live segment's condition", () => {
      expect(compile("in_segment('vip') AND orders_count > 2", segments)).toEqual({
        where: "((c.total_spent > $1) AND c.orders_count > $2)",
        params: [1000, 2],
        references: ["vip"],
      })
    })

    it("reads a static segment's snapshot", () => {
      expect(compile("in_segment('frozen')", segments)).toEqual({
        where: "EXISTS (SELECT 1 FROM marketing_segment_member sm WHERE sm.segment_id = $1 AND sm.contact_id = c.id AND sm.deleted_at IS NULL)",
        params: ["seg_frozen"],
        references: ["frozen"],
      })
    })

    it("follows segments through others and lists them all", () => {
      expect(compile("in_segment('nested')", segments).references.sort()).toEqual(["nested", "vip"])
    })

    it("understands segment = 'handle'", () => {
      expect(compile("segment = 'vip'", segments).where).toBe("(c.total_spent > $1)")
      expect(compile("segment != 'vip'", segments).where).toBe("NOT COALESCE((c.total_spent > $1), false)")
      expect(compile("segment IN ('vip', 'frozen')", segments).where).toMatch(/^\(\(c\.total_spent > \$1\) OR EXISTS/)
    })

    it("rejects cycles, including a segment that includes itself", () => {
      expect(message("in_segment('a')", segments)).toMatch(/cycle: a → b → a/)
      expect(message("in_segment('vip')", segments, "vip")).toMatch(/cycle: vip → vip/)
    })

    it("says which segment is unknown or broken", () => {
      expect(message("in_segment('nope')", segments)).toBe("Line 1, column 12: no segment with handle 'nope'")
      expect(message("in_segment('broken')", segments)).toMatch(/segment 'broken' cannot be used: Line 1, column 14: the condition is incomplete/)
      expect(message("in_segment(1)", segments)).toMatch(/in_segment takes one segment handle/)
      expect(message("in_segment('vip', 'a')", segments)).toMatch(/in_segment takes one segment handle/)
    })
  })

  describe("errors with positions", () => {
    it.each([
      ["colour = 'red'", "Line 1, column 1: unknown field 'colour'; fields are email, first_name"],
      ["orders_count > 1 AND\n  favourite = 'x'", "Line 2, column 3: unknown field 'favourite'"],
      ["metadata = 'x'", "Line 1, column 1: 'metadata' needs a key, e.g. metadata.tier"],
      ["email.domain = 'x'", "Line 1, column 1: 'email' has no keys: remove '.domain'"],
      ["email > 'a'", "Line 1, column 1: '>' does not apply to string field 'email'; use =, !=, IN, CONTAINS or STARTS WITH"],
      ["email BETWEEN 'a' AND 'b'", "Line 1, column 1: BETWEEN does not apply to string field 'email'"],
      ["orders_count CONTAINS '1'", "Line 1, column 1: CONTAINS does not apply to number field 'orders_count'"],
      ["orders_count = 'three'", "Line 1, column 16: 'orders_count' compares with a number, not a string"],
      ["total_spent > 30d", "Line 1, column 15: 'total_spent' compares with a number, not a duration"],
      ["created_at > 5", "Line 1, column 14: 'created_at' compares with a date or a duration, not a number"],
      ["created_at IN (2026-01-01)", "Line 1, column 1: IN does not apply to date field 'created_at'"],
      ["has_account = 'yes'", "Line 1, column 15: 'has_account' compares with a boolean, not a string"],
      ["has_account > true", "Line 1, column 1: '>' does not apply to boolean field 'has_account'"],
      ["customer_group > 'x'", "Line 1, column 1: '>' does not apply to string set field 'customer_group'"],
      ["metadata.x IN ('a', 1)", "Line 1, column 21: mix of value types for 'metadata.x'"],
      ["segment > 'vip'", "Line 1, column 1: '>' does not apply to segment field 'segment'"],
      ["opened(within 7d)", "Line 1, column 1: opened(...) becomes available once message tracking is installed"],
      ["clicked()", "Line 1, column 1: clicked(...) becomes available once message tracking is installed"],
      ["bought(category = 'x')", "Line 1, column 1: unknown function 'bought'; functions are purchased, purchases, in_segment"],
    ])("%s", (text, expected) => {
      expect(message(text)).toContain(expected)
    })
  })

  describe("injection", () => {
    it.each([
      "email = ''' OR 1=1 --'",
      "email = 'x''; DROP TABLE marketing_contact; --'",
      "metadata.tier = 'a'' OR ''1''=''1'",
      "first_name IN ('a''), (SELECT 1', 'b')",
      "purchased(category = '''; DELETE FROM marketing_purchase; --')",
      "email CONTAINS '%'' OR ''1''=''1'",
    ])("keeps %s out of the SQL text", (text) => {
      const { where, params } = compile(text)
      expect(where).not.toMatch(/DROP|DELETE|SELECT 1'|OR 1=1|''/)
      expect(where).not.toContain("'1'")
      expect(params.length).toBeGreaterThan(0)
    })

    it.each([
      "email; DROP TABLE x = 1",
      "email = 1; DROP TABLE x",
      "email = 'a' -- comment",
      "metadata.\"a'b\" = 1",
      "orders_count > 1 /* x */",
      "purchased(category = 'x') OR 1=1",
    ])("refuses %s as a syntax error", (text) => {
      expect(() => compile(text)).toThrow(SegmentDslError)
    })

    it("binds metadata keys as values", () => {
      expect(compile("metadata.tier = 'x'").where).not.toContain("tier")
    })
  })
})
