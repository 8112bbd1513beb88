import { compileSegmentDsl, SegmentReference } from "../compile"
import { SegmentDslError } from "../errors"

const compile = (text: string, segments: Record<string, SegmentReference> = {}, handle?: string) =>
  compileSegmentDsl(text, { lookup: (h) => segments[h], handle })

const refusal = (text: string, segments: Record<string, SegmentReference> = {}, handle?: string) => {
  try {
    compile(text, segments, handle)
  } catch (error) {
    if (error instanceof SegmentDslError) return error
    throw error
  }
  throw new Error(`compiled: ${text}`)
}

const message = (text: string, segments: Record<string, SegmentReference> = {}, handle?: string) =>
  refusal(text, segments, handle).message

describe("segment DSL compiler", () => {
  describe("text fields", () => {
    it.each([
      ["first_name = 'Ada'", "c.first_name = $1::text", ["Ada"]],
      ["email = 'Ada@Example.com'", "c.email = $1::text", ["ada@example.com"]],
      ["country != 'DE'", "c.country_code IS DISTINCT FROM $1::text", ["de"]],
      ["country IN ('DE', 'fr')", "c.country_code = ANY($1::text[])", [["de", "fr"]]],
      ["country NOT IN ('DE')", "NOT COALESCE(c.country_code = ANY($1::text[]), false)", [["de"]]],
      ["email CONTAINS '@gmail'", "c.email ILIKE $1::text ESCAPE '\\'", ["%@gmail%"]],
      ["last_name STARTS WITH 'Mc'", "c.last_name ILIKE $1::text ESCAPE '\\'", ["Mc%"]],
      ["email CONTAINS '50%_off\\\\'", "c.email ILIKE $1::text ESCAPE '\\'", ["%50\\%\\_off\\\\\\\\%"]],
      ["phone IS NULL", "c.phone IS NULL", []],
      ["phone IS NOT NULL", "c.phone IS NOT NULL", []],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("numbers", () => {
    it.each([
      ["orders_count = 3", "c.orders_count = $1::integer", [3]],
      ["orders_count != 3", "c.orders_count IS DISTINCT FROM $1::integer", [3]],
      ["orders_count < -2147483648", "c.orders_count < $1::integer", [-2_147_483_648]],
      ["orders_count <= 2147483647", "c.orders_count <= $1::integer", [2_147_483_647]],
      ["total_spent > 500", "c.total_spent > $1::numeric", [500]],
      ["total_spent >= 500.5", "c.total_spent >= $1::numeric", [500.5]],
      ["total_spent < 10", "c.total_spent < $1::numeric", [10]],
      ["total_spent <= 10", "c.total_spent <= $1::numeric", [10]],
      ["total_spent > 1000000000000000", "c.total_spent > $1::numeric", [1e15]],
      ["orders_count IN (1, 2)", "c.orders_count = ANY($1::integer[])", [[1, 2]]],
      ["total_spent IN (1, 2.5)", "c.total_spent = ANY($1::numeric[])", [[1, 2.5]]],
      ["orders_count BETWEEN 1 AND 2", "c.orders_count BETWEEN $1::integer AND $2::integer", [1, 2]],
      ["total_spent BETWEEN 10 AND 20", "c.total_spent BETWEEN $1::numeric AND $2::numeric", [10, 20]],
      ["avg_order_value > 80", "(CASE WHEN c.orders_count > 0 THEN c.total_spent / c.orders_count END) > $1::numeric", [80]],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("dates", () => {
    const dayAfter = (n: number) => `($${n}::timestamptz + interval '24 hours')`
    it.each([
      ["created_at = 2026-03-01", `(c.created_at >= $1::timestamptz AND c.created_at < ${dayAfter(1)})`, ["2026-03-01T00:00:00Z"]],
      ["created_at < 2026-03-01", "c.created_at < $1::timestamptz", ["2026-03-01T00:00:00Z"]],
      ["created_at <= 2026-03-01", `c.created_at < ${dayAfter(1)}`, ["2026-03-01T00:00:00Z"]],
      ["created_at > 2026-03-01", `c.created_at >= ${dayAfter(1)}`, ["2026-03-01T00:00:00Z"]],
      ["created_at >= 2026-03-01", "c.created_at >= $1::timestamptz", ["2026-03-01T00:00:00Z"]],
      ["created_at > 2026-03-01T10:00:00Z", "c.created_at > $1::timestamptz", ["2026-03-01T10:00:00Z"]],
      ["created_at > 2026-03-01T10:00", "c.created_at > $1::timestamptz", ["2026-03-01T10:00:00Z"]],
      ["created_at > 2026-03-01T10:00:00.123456+0530", "c.created_at > $1::timestamptz", ["2026-03-01T04:30:00.123456Z"]],
      ["created_at < 2026-03-01T01:00-02:30", "c.created_at < $1::timestamptz", ["2026-03-01T03:30:00Z"]],
      ["created_at >= 0001-01-01", "c.created_at >= $1::timestamptz", ["0001-01-01T00:00:00Z"]],
      ["created_at > 9999-12-31", `c.created_at >= ${dayAfter(1)}`, ["9999-12-31T00:00:00Z"]],
      ["created_at > 30d", "c.created_at > (now() - $1::double precision * interval '1 second')", [2_592_000]],
      ["created_at > 36500d", "c.created_at > (now() - $1::double precision * interval '1 second')", [3_153_600_000]],
      ["last_order_at BETWEEN 2026-01-01 AND 2026-01-31", `(c.last_order_at >= $1::timestamptz AND c.last_order_at < ${dayAfter(2)})`, ["2026-01-01T00:00:00Z", "2026-01-31T00:00:00Z"]],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })

    it("refuses impossible dates", () => {
      expect(message("created_at > 2026-02-30")).toMatch(/column 14: '2026-02-30' is not a valid date/)
    })
  })

  describe("days since an order, compared on the indexed timestamp", () => {
    const ago = (n: number) => `(now() - $${n}::integer * interval '1 day')`
    it.each([
      ["days_since_last_order < 90", `c.last_order_at > ${ago(1)}`, [90]],
      ["days_since_last_order <= 90", `c.last_order_at > ${ago(1)}`, [91]],
      ["days_since_last_order > 90", `c.last_order_at <= ${ago(1)}`, [91]],
      ["days_since_last_order >= 90", `c.last_order_at <= ${ago(1)}`, [90]],
      ["days_since_last_order = 3", `(c.last_order_at <= ${ago(1)} AND c.last_order_at > ${ago(2)})`, [3, 4]],
      ["days_since_first_order != 3", `NOT COALESCE((c.first_order_at <= ${ago(1)} AND c.first_order_at > ${ago(2)}), false)`, [3, 4]],
      ["days_since_last_order < 2w", `c.last_order_at > ${ago(1)}`, [14]],
      ["days_since_last_order < 48h", `c.last_order_at > ${ago(1)}`, [2]],
      ["days_since_last_order >= 36500", `c.last_order_at <= ${ago(1)}`, [36_500]],
      ["days_since_last_order IN (1, 2)", `((c.last_order_at <= ${ago(1)} AND c.last_order_at > ${ago(2)}) OR (c.last_order_at <= ${ago(3)} AND c.last_order_at > ${ago(4)}))`, [1, 2, 2, 3]],
      ["days_since_last_order BETWEEN 7 AND 30", `(c.last_order_at <= ${ago(1)} AND c.last_order_at > ${ago(2)})`, [7, 31]],
      ["days_since_last_order IS NULL", "c.last_order_at IS NULL", []],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("booleans, groups and metadata", () => {
    it.each([
      ["has_account = true", "c.has_account = $1::boolean", [true]],
      ["has_account != false", "c.has_account IS DISTINCT FROM $1::boolean", [false]],
      ["customer_group = 'VIP'", "c.customer_groups @> ARRAY[$1::text]", ["vip"]],
      ["customer_group != 'VIP'", "NOT COALESCE(c.customer_groups @> ARRAY[$1::text], false)", ["vip"]],
      ["customer_group IN ('a', 'B')", "c.customer_groups && $1::text[]", [["a", "b"]]],
      ["customer_group IS NULL", "COALESCE(cardinality(c.customer_groups), 0) = 0", []],
      ["metadata.tier = 'Gold'", "(c.metadata ->> $1::text) = $2::text", ["tier", "Gold"]],
      ["metadata.tier IN ('a')", "(c.metadata ->> $1::text) = ANY($2::text[])", ["tier", ["a"]]],
      ["metadata.points > 100", "(CASE WHEN (c.metadata ->> $1::text) ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (c.metadata ->> $1::text)::numeric END) > $2::numeric", ["points", 100]],
      ["metadata.points BETWEEN 1.5 AND 2", "(CASE WHEN (c.metadata ->> $1::text) ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN (c.metadata ->> $1::text)::numeric END) BETWEEN $2::numeric AND $3::numeric", ["points", 1.5, 2]],
      ["metadata.beta = true", "(c.metadata ->> $1::text) = $2::text", ["beta", "true"]],
      ["metadata.beta IN (true, false)", "(c.metadata ->> $1::text) = ANY($2::text[])", ["beta", ["true", "false"]]],
      ["metadata.tier IS NULL", "(c.metadata ->> $1::text) IS NULL", ["tier"]],
    ])("%s", (text, where, params) => {
      expect(compile(text)).toEqual({ where, params, references: [] })
    })
  })

  describe("logic", () => {
    it("nests AND, OR and NOT, where NOT also matches unknown values", () => {
      expect(compile("NOT (country = 'DE' OR orders_count > 1) AND has_account = true").where).toBe(
        "(NOT COALESCE((c.country_code = $1::text OR c.orders_count > $2::integer), false) AND c.has_account = $3::boolean)"
      )
    })
  })

  describe("purchases", () => {
    it("compiles purchased() to an EXISTS over purchase facts", () => {
      expect(compile("purchased(category = 'Shoes', within 180d)")).toEqual({
        where:
          "EXISTS (SELECT 1 FROM marketing_purchase pu WHERE pu.contact_id = c.id AND pu.deleted_at IS NULL AND pu.category_keys @> ARRAY[$1::text] AND pu.purchased_at >= (now() - $2::double precision * interval '1 second'))",
        params: ["shoes", 15_552_000],
        references: [],
      })
    })

    it("filters by product, collection, lists and exclusions", () => {
      expect(compile("purchased(product IN ('tee', 'cap'), collection != 'sale')").where).toBe(
        "EXISTS (SELECT 1 FROM marketing_purchase pu WHERE pu.contact_id = c.id AND pu.deleted_at IS NULL AND pu.product_keys && $1::text[] AND NOT (pu.collection_keys @> ARRAY[$2::text]))"
      )
    })

    it("counts orders with purchases()", () => {
      expect(compile("purchases(within 30d) > 3")).toEqual({
        where:
          "(SELECT count(DISTINCT pu.order_id) FROM marketing_purchase pu WHERE pu.contact_id = c.id AND pu.deleted_at IS NULL AND pu.purchased_at >= (now() - $1::double precision * interval '1 second')) > $2::integer",
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
        where: "((c.total_spent > $1::numeric) AND c.orders_count > $2::integer)",
        params: [1000, 2],
        references: ["vip"],
      })
    })

    it("reads a static segment's snapshot", () => {
      expect(compile("in_segment('frozen')", segments)).toEqual({
        where: "EXISTS (SELECT 1 FROM marketing_segment_member sm WHERE sm.segment_id = $1::text AND sm.contact_id = c.id AND sm.deleted_at IS NULL)",
        params: ["seg_frozen"],
        references: ["frozen"],
      })
    })

    it("follows segments through others and lists them all", () => {
      expect(compile("in_segment('nested')", segments).references.sort()).toEqual(["nested", "vip"])
    })

    it("understands segment = 'handle'", () => {
      expect(compile("segment = 'vip'", segments).where).toBe("(c.total_spent > $1::numeric)")
      expect(compile("segment != 'vip'", segments).where).toBe("NOT COALESCE((c.total_spent > $1::numeric), false)")
      expect(compile("segment IN ('vip', 'frozen')", segments).where).toMatch(/^\(\(c\.total_spent > \$1::numeric\) OR EXISTS/)
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
      ["colour = 'red'", "Line 1, column 1: unknown field 'colour'; the segment reference lists the fields"],
      ["orders_count > 1 AND\n  favourite = 'x'", "Line 2, column 3: unknown field 'favourite'"],
      ["order_count > 1", "Line 1, column 1: unknown field 'order_count'; did you mean 'orders_count'?"],
      ["totl_spent > 1", "Line 1, column 1: unknown field 'totl_spent'; did you mean 'total_spent'?"],
      ["metadata = 'x'", "Line 1, column 1: 'metadata' needs a key, e.g. metadata.tier"],
      ["email.domain = 'x'", "Line 1, column 1: 'email' has no keys: remove '.domain'"],
      ["email > 'a'", "Line 1, column 1: '>' does not apply to string field 'email'; use =, !=, IN, NOT IN, CONTAINS, STARTS WITH, IS NULL or IS NOT NULL"],
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
      ["opened(within 7d)", "Line 1, column 1: unknown function 'opened'; functions are purchased, purchases, in_segment"],
      ["bought(category = 'x')", "Line 1, column 1: unknown function 'bought'; functions are purchased, purchases, in_segment"],
    ])("%s", (text, expected) => {
      expect(message(text)).toContain(expected)
    })
  })

  describe("values Postgres would refuse, or a column cannot hold, refused where they stand", () => {
    const WHOLE = "a whole number from -2147483648 to 2147483647"
    const DAYS = "whole days from 0 to 36500, e.g. 90 or 2w"
    const DURATION = "a duration up to 36500d (100 years)"
    const DATES = "a date from 0001-01-01 to 9999-12-31"
    it.each([
      ["orders_count > 2.5", `Line 1, column 16: 'orders_count' compares with ${WHOLE}, not 2.5`, WHOLE],
      ["orders_count > 3000000000", `Line 1, column 16: 'orders_count' compares with ${WHOLE}, not 3000000000`, WHOLE],
      ["orders_count < -2147483649", "Line 1, column 16: 'orders_count' compares with a whole number", WHOLE],
      ["orders_count IN (1, 2147483648)", "Line 1, column 21: 'orders_count' compares with a whole number", WHOLE],
      ["orders_count BETWEEN 0.5 AND 2", "Line 1, column 22: 'orders_count' compares with a whole number", WHOLE],
      ["purchases(within 30d) > 2.5", `Line 1, column 25: 'purchases(...)' compares with ${WHOLE}, not 2.5`, WHOLE],
      ["total_spent > 1000000000000001", "Line 1, column 15: 'total_spent' compares with a number from -1000000000000000 to 1000000000000000, not 1000000000000001", "a number from -1000000000000000 to 1000000000000000"],
      ["metadata.points > 123456789012345678901234567890", "Line 1, column 19: 'metadata.points' compares with a number from", "a number from -1000000000000000 to 1000000000000000"],
      ["days_since_last_order > 99999999", `Line 1, column 25: 'days_since_last_order' compares with ${DAYS}, not 99999999`, DAYS],
      ["days_since_last_order > -1", "Line 1, column 25: 'days_since_last_order' compares with whole days", DAYS],
      ["days_since_last_order < 36h", `Line 1, column 25: 'days_since_last_order' compares with ${DAYS}, not 36h`, DAYS],
      ["days_since_first_order BETWEEN 1 AND 1.5", "Line 1, column 38: 'days_since_first_order' compares with whole days", DAYS],
      ["created_at > 99999999d", "Line 1, column 14: durations run up to 36500d (100 years), not 99999999d", DURATION],
      ["last_order_at > 876001h", "Line 1, column 17: durations run up to 36500d (100 years), not 876001h", DURATION],
      ["purchased(category = 'x', within 36501d)", "Line 1, column 34: durations run up to 36500d (100 years), not 36501d", DURATION],
      ["created_at > 0000-01-01", `Line 1, column 14: '0000-01-01' is outside the dates segments take, 0001-01-01 to 9999-12-31 (UTC)`, DATES],
      ["created_at > 0001-01-01T00:00+01:00", "Line 1, column 14: '0001-01-01T00:00+01:00' is outside the dates segments take", DATES],
      ["created_at BETWEEN 2026-01-01 AND 9999-12-31T23:00-02:00", "Line 1, column 35: '9999-12-31T23:00-02:00' is outside", DATES],
      ["created_at > 2026-02-29T10:00Z", "Line 1, column 14: '2026-02-29T10:00Z' is not a valid date", "a date such as 2026-01-31"],
      ["created_at > 2026-01-01T24:00Z", "Line 1, column 14: '2026-01-01T24:00Z' is not a valid date", "a date such as 2026-01-31"],
      ["created_at > 2026-01-01T10:00+24:00", "Line 1, column 14: '2026-01-01T10:00+24:00' is not a valid date", "a date such as 2026-01-31"],
    ])("%s", (text, expected, range) => {
      const error = refusal(text)
      expect(error.message).toContain(expected)
      expect(error.expected).toEqual([range])
    })

    it.each([
      ["email = 'ab\u0000c'", 12, "U+0000"],
      ["first_name IN ('x', 'it''s\u0000')", 27, "U+0000"],
      ["email CONTAINS 'a\ud800'", 18, "U+D800"],
      ["last_name STARTS WITH '\udc00'", 24, "U+DC00"],
      ["metadata.tier = '\u0000'", 18, "U+0000"],
      ["customer_group = '\u0000'", 19, "U+0000"],
      ["purchased(category IN ('a', '\u0000'))", 30, "U+0000"],
      ["in_segment('\u0000')", 13, "U+0000"],
      ["segment = 'vip\u0000'", 15, "U+0000"],
    ])("refuses %j at the character Postgres cannot store", (text, column, code) => {
      const error = refusal(text)
      expect(error.message).toBe(`Line 1, column ${column}: text cannot contain ${code}: it cannot be stored`)
      expect(error.toJSON()).toMatchObject({ line: 1, column })
    })

    it("takes other control characters and whole surrogate pairs", () => {
      expect(compile("email = 'a\u0001\u007f\ud83d\ude00'").params).toEqual(["a\u0001\u007f\ud83d\ude00"])
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
