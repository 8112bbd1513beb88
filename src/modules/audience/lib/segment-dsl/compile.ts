import type { Call, CallArgument, ComparisonOperator, FieldRef, Literal, LiteralKind, Node, Position } from "./ast"
import { closestName } from "./closest-name"
import { failAt, SegmentDslError } from "./errors"
import { FIELD_OPERATORS, FieldDefinition, FIELDS, FUNCTIONS, Operator, PURCHASE_FILTERS, SEGMENT_FIELD } from "./fields"
import { dateValue, dayCount, decimalValue, durationSeconds, integerValue, textValue } from "./literals"
import { parseSegmentDsl } from "./parse"

export interface SegmentReference {
  id: string
  kind: "live" | "static"
  dsl: string
}

/** Finds another segment by handle, for in_segment(); the caller loads them beforehand. */
export type SegmentLookup = (handle: string) => SegmentReference | undefined

export interface CompiledSegment {
  /** A boolean SQL expression over the contact row `c`, with $1.. placeholders. */
  where: string
  /** The values for the placeholders: every value of the DSL text is here, never in `where`. */
  params: unknown[]
  /** Handles of the segments it refers to, directly or through others. */
  references: string[]
}

/** Every parameter is cast, so that Postgres never infers a type from where it stands (or fails to). */
type SqlType = "text" | "text[]" | "integer" | "integer[]" | "numeric" | "numeric[]" | "boolean" | "timestamptz" | "double precision"

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

const notTrue = (sql: string) => `NOT COALESCE(${sql}, false)`

type FieldCondition = Exclude<Node, { type: "and" | "or" | "not" | "call" | "call_compare" }>

/** The operator of a condition as the segment reference names it. */
const operatorOf = (node: FieldCondition): Operator => {
  switch (node.type) {
    case "compare":
      return node.op
    case "in":
      return node.negated ? "NOT IN" : "IN"
    case "contains":
      return "CONTAINS"
    case "starts_with":
      return "STARTS WITH"
    case "between":
      return "BETWEEN"
    case "is_null":
      return node.negated ? "IS NOT NULL" : "IS NULL"
  }
}

const SQL_OPERATOR: Record<ComparisonOperator, string> = {
  "=": "=",
  "!=": "IS DISTINCT FROM",
  "<": "<",
  "<=": "<=",
  ">": ">",
  ">=": ">=",
}

class Compiler {
  readonly params: unknown[] = []
  readonly references = new Set<string>()

  constructor(
    private readonly lookup: SegmentLookup,
    /** The segments being expanded, outermost first: a handle met twice is a cycle. */
    private readonly stack: string[]
  ) {}

  bind(value: unknown, type: SqlType) {
    return `$${this.params.push(value)}::${type}`
  }

  /** The instant a duration literal reaches back to from now. */
  ago(duration: Literal): string {
    return `(now() - ${this.bind(durationSeconds(duration), "double precision")} * interval '1 second')`
  }

  node(node: Node): string {
    switch (node.type) {
      case "and":
      case "or":
        return `(${this.node(node.left)} ${node.type.toUpperCase()} ${this.node(node.right)})`
      case "not":
        return notTrue(this.node(node.expr))
      case "call":
        return this.call(node)
      case "call_compare":
        return this.callCompare(node)
      default:
        return this.condition(node)
    }
  }

  // ---- conditions on fields

  condition(node: FieldCondition): string {
    if (node.field.name === SEGMENT_FIELD) {
      this.checkOperator(node, { name: SEGMENT_FIELD, type: "segment" })
      return this.segmentField(node)
    }
    const field = this.field(node.field)
    this.checkOperator(node, field)
    const column =
      field.type === "json" ? `(${field.column} ->> ${this.bind(node.field.key, "text")})` : field.column
    if (node.type === "is_null") {
      if (field.type === "string_set") {
        return node.negated ? `COALESCE(cardinality(${column}), 0) > 0` : `COALESCE(cardinality(${column}), 0) = 0`
      }
      return `${column} IS ${node.negated ? "NOT " : ""}NULL`
    }
    switch (field.type) {
      case "string":
        return this.text(node, field, column)
      case "number":
        return this.number(node, field, column)
      case "date":
        return this.date(node, field, column)
      case "days_since":
        return this.daysSince(node, column)
      case "boolean":
        return this.boolean(node, column)
      case "string_set":
        return this.stringSet(node, field, column)
      case "json":
        return this.json(node, field, column)
    }
  }

  field(ref: FieldRef): FieldDefinition & { name: string } {
    const definition = FIELDS[ref.name]
    if (!definition) {
      const suggestion = closestName(ref.name, [...Object.keys(FIELDS), SEGMENT_FIELD])
      return failAt(
        ref.at,
        suggestion
          ? `unknown field '${ref.name}'; did you mean '${suggestion}'?`
          : `unknown field '${ref.name}'; the segment reference lists the fields`
      )
    }
    if (definition.type === "json" && !ref.key) failAt(ref.at, `'${ref.name}' needs a key, e.g. ${ref.name}.tier`)
    if (definition.type !== "json" && ref.key) failAt(ref.at, `'${ref.name}' has no keys: remove '.${ref.key}'`)
    return { ...definition, name: ref.key ? `${ref.name}.${ref.key}` : ref.name }
  }

  literal(value: Literal, kinds: LiteralKind[], field: string): Literal {
    if (!kinds.includes(value.kind)) {
      failAt(value.at, `'${field}' compares with ${kinds.map((k) => `a ${k}`).join(" or ")}, not a ${value.kind}`)
    }
    if (value.kind === "string") textValue(value)
    return value
  }

  checkOperator(node: FieldCondition, field: { name: string; type: keyof typeof FIELD_OPERATORS }): void {
    const allowed = FIELD_OPERATORS[field.type]
    if (!allowed.includes(operatorOf(node))) {
      this.unsupported(node, field, `use ${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}`)
    }
  }

  unsupported(node: { type: string; at: Position }, field: { name: string; type: string }, what: string): never {
    const label = node.type === "compare" ? `'${(node as any).op}'` : node.type.replace("_", " ").toUpperCase()
    return failAt(node.at, `${label} does not apply to ${field.type.replace("_", " ")} field '${field.name}'; ${what}`)
  }

  text(node: any, field: FieldDefinition & { name: string }, column: string): string {
    const value = (literal: Literal) => {
      const text = this.literal(literal, ["string"], field.name).value as string
      return field.lowercase ? text.toLowerCase() : text
    }
    switch (node.type) {
      case "compare":
        if (node.op !== "=" && node.op !== "!=") {
          this.unsupported(node, field, "use =, !=, IN, CONTAINS or STARTS WITH")
        }
        return `${column} ${SQL_OPERATOR[node.op as ComparisonOperator]} ${this.bind(value(node.value), "text")}`
      case "in": {
        const sql = `${column} = ANY(${this.bind(node.values.map(value), "text[]")})`
        return node.negated ? notTrue(sql) : sql
      }
      case "contains":
        return `${column} ILIKE ${this.bind(`%${escapeLike(value(node.value))}%`, "text")} ESCAPE '\\'`
      case "starts_with":
        return `${column} ILIKE ${this.bind(`${escapeLike(value(node.value))}%`, "text")} ESCAPE '\\'`
      default:
        return this.unsupported(node, field, "use =, !=, IN, CONTAINS or STARTS WITH")
    }
  }

  number(node: any, field: FieldDefinition & { name: string }, column: string): string {
    const [type, checked] = field.integer ? (["integer", integerValue] as const) : (["numeric", decimalValue] as const)
    const value = (literal: Literal) => checked(this.literal(literal, ["number"], field.name), field.name)
    switch (node.type) {
      case "compare":
        return `${column} ${SQL_OPERATOR[node.op as ComparisonOperator]} ${this.bind(value(node.value), type)}`
      case "in": {
        const sql = `${column} = ANY(${this.bind(node.values.map(value), `${type}[]`)})`
        return node.negated ? notTrue(sql) : sql
      }
      case "between":
        return `${column} BETWEEN ${this.bind(value(node.low), type)} AND ${this.bind(value(node.high), type)}`
      default:
        return this.unsupported(node, field, "use =, !=, <, <=, >, >=, IN or BETWEEN")
    }
  }

  /**
   * A date literal without a time is the whole UTC day; a duration is that long before now.
   * Returns the instants the value starts and ends at (equal for instants).
   */
  instant(literal: Literal, field: string): { start: string; end: string } {
    this.literal(literal, ["date", "duration"], field)
    if (literal.kind === "duration") {
      const sql = this.ago(literal)
      return { start: sql, end: sql }
    }
    const { iso, wholeDay } = dateValue(literal)
    const start = this.bind(iso, "timestamptz")
    // 24 hours rather than 1 day: in the session's time zone a day can be 23 or 25 hours long.
    return { start, end: wholeDay ? `(${start} + interval '24 hours')` : start }
  }

  date(node: any, field: FieldDefinition & { name: string }, column: string): string {
    if (node.type === "between") {
      const low = this.instant(node.low, field.name)
      const high = this.instant(node.high, field.name)
      const upper = high.start === high.end ? `${column} <= ${high.end}` : `${column} < ${high.end}`
      return `(${column} >= ${low.start} AND ${upper})`
    }
    const { start, end } = this.instant(node.value, field.name)
    const instant = start === end
    const within = instant ? `${column} = ${start}` : `(${column} >= ${start} AND ${column} < ${end})`
    const sql: Record<ComparisonOperator, string> = {
      "=": within,
      "!=": notTrue(within),
      "<": `${column} < ${start}`,
      "<=": instant ? `${column} <= ${end}` : `${column} < ${end}`,
      ">": instant ? `${column} > ${end}` : `${column} >= ${end}`,
      ">=": `${column} >= ${start}`,
    }
    return sql[node.op as ComparisonOperator]
  }

  /** Whole days since an instant, turned around into a comparison on the instant so its index serves. */
  daysSince(node: any, column: string): string {
    const field = { name: node.field.name, type: "number" }
    const days = (literal: Literal) => dayCount(this.literal(literal, ["number", "duration"], field.name), field.name)
    const ago = (n: number) => `(now() - ${this.bind(n, "integer")} * interval '1 day')`
    const equals = (n: number) => `(${column} <= ${ago(n)} AND ${column} > ${ago(n + 1)})`
    if (node.type === "between") {
      return `(${column} <= ${ago(days(node.low))} AND ${column} > ${ago(days(node.high) + 1)})`
    }
    if (node.type === "in") {
      const sql = `(${(node.values as Literal[]).map((v) => equals(days(v))).join(" OR ")})`
      return node.negated ? notTrue(sql) : sql
    }
    const n = days(node.value)
    switch (node.op as ComparisonOperator) {
      case "<":
        return `${column} > ${ago(n)}`
      case "<=":
        return `${column} > ${ago(n + 1)}`
      case ">":
        return `${column} <= ${ago(n + 1)}`
      case ">=":
        return `${column} <= ${ago(n)}`
      case "=":
        return equals(n)
      case "!=":
        return notTrue(equals(n))
    }
  }

  boolean(node: any, column: string): string {
    const value = this.literal(node.value, ["boolean"], node.field.name).value
    return `${column} ${SQL_OPERATOR[node.op as ComparisonOperator]} ${this.bind(value, "boolean")}`
  }

  stringSet(node: any, field: FieldDefinition & { name: string }, column: string): string {
    const value = (literal: Literal) => (this.literal(literal, ["string"], field.name).value as string).toLowerCase()
    if (node.type === "compare") {
      const sql = `${column} @> ARRAY[${this.bind(value(node.value), "text")}]`
      return node.op === "=" ? sql : notTrue(sql)
    }
    const sql = `${column} && ${this.bind(node.values.map(value), "text[]")}`
    return node.negated ? notTrue(sql) : sql
  }

  json(node: any, field: FieldDefinition & { name: string }, column: string): string {
    const values: Literal[] =
      node.type === "between" ? [node.low, node.high] : node.type === "in" ? node.values : [node.value]
    const kind = values[0].kind
    if (values.some((v) => v.kind !== kind)) failAt(values[1].at, `mix of value types for '${field.name}'`)
    if (kind === "number") {
      const numeric = `(CASE WHEN ${column} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN ${column}::numeric END)`
      return this.number(node, field, numeric)
    }
    if (kind === "boolean") {
      const asText = (literal: Literal): Literal => ({ ...literal, kind: "string", value: String(literal.value) })
      return this.text({ ...node, value: node.value && asText(node.value), values: node.values?.map(asText) }, field, column)
    }
    return this.text(node, field, column)
  }

  /** `segment = 'vip'` is in_segment('vip'); != and IN follow. */
  segmentField(node: any): string {
    const membership = (literal: Literal) =>
      this.segment(this.literal(literal, ["string"], SEGMENT_FIELD).value as string, literal.at)
    if (node.type === "compare") {
      const sql = membership(node.value)
      return node.op === "=" ? sql : notTrue(sql)
    }
    const sql = `(${(node.values as Literal[]).map(membership).join(" OR ")})`
    return node.negated ? notTrue(sql) : sql
  }

  // ---- functions

  call(call: Call): string {
    switch (call.name) {
      case "in_segment": {
        const [arg, ...rest] = call.args
        if (!arg || rest.length || arg.kind !== "literal" || arg.values[0].kind !== "string") {
          failAt(call.at, "in_segment takes one segment handle, e.g. in_segment('vip')")
        }
        return this.segment(textValue(arg.values[0]), arg.values[0].at)
      }
      case "purchased":
        return `EXISTS (SELECT 1 FROM marketing_purchase pu WHERE ${this.purchaseFilters(call)})`
      case "purchases":
        return failAt(call.at, "purchases(...) is a number: compare it, e.g. purchases(within 30d) > 3")
      default:
        return this.unknownFunction(call)
    }
  }

  callCompare(node: Extract<Node, { type: "call_compare" }>): string {
    if (node.call.name === "purchases") {
      const value = integerValue(this.literal(node.value, ["number"], "purchases(...)"), "purchases(...)")
      const count = `(SELECT count(DISTINCT pu.order_id) FROM marketing_purchase pu WHERE ${this.purchaseFilters(node.call)})`
      return `${count} ${SQL_OPERATOR[node.op]} ${this.bind(value, "integer")}`
    }
    if (node.call.name in FUNCTIONS) {
      return failAt(node.at, `${node.call.name}(...) is true or false, not a number; to count orders use purchases(...) > N`)
    }
    return this.unknownFunction(node.call)
  }

  unknownFunction(call: Call): never {
    return failAt(call.at, `unknown function '${call.name}'; functions are ${Object.keys(FUNCTIONS).join(", ")}`)
  }

  purchaseFilters(call: Call): string {
    // deleted_at IS NULL lets the planner use the partial indexes on purchases.
    const conditions = ["pu.contact_id = c.id", "pu.deleted_at IS NULL"]
    let within: CallArgument | undefined
    for (const arg of call.args) {
      if (arg.kind === "within") {
        if (within) failAt(arg.at, "only one 'within' per call")
        within = arg
        conditions.push(`pu.purchased_at >= ${this.ago(arg.values[0])}`)
        continue
      }
      const column = arg.name ? PURCHASE_FILTERS[arg.name] : undefined
      if (!column) {
        failAt(arg.at, `${call.name}() filters by ${Object.keys(PURCHASE_FILTERS).join(", ")} and 'within <duration>'`)
      }
      const values = arg.values.map(
        (v) => (this.literal(v, ["string"], arg.name!).value as string).toLowerCase()
      )
      if (arg.kind === "in") {
        conditions.push(`${column} && ${this.bind(values, "text[]")}`)
      } else if (arg.op === "=" || arg.op === "!=") {
        const sql = `${column} @> ARRAY[${this.bind(values[0], "text")}]`
        conditions.push(arg.op === "=" ? sql : `NOT (${sql})`)
      } else {
        failAt(arg.at, `'${arg.op}' does not apply to '${arg.name}'; use = , != or IN`)
      }
    }
    return conditions.join(" AND ")
  }

  segment(handle: string, at: Position): string {
    if (this.stack.includes(handle)) {
      return failAt(at, `segments refer to each other in a cycle: ${[...this.stack, handle].join(" → ")}`)
    }
    const segment = this.lookup(handle)
    if (!segment) return failAt(at, `no segment with handle '${handle}'`)
    this.references.add(handle)
    if (segment.kind === "static") {
      return `EXISTS (SELECT 1 FROM marketing_segment_member sm WHERE sm.segment_id = ${this.bind(segment.id, "text")} AND sm.contact_id = c.id AND sm.deleted_at IS NULL)`
    }
    // A problem inside the other segment is reported here, where this text refers to it.
    this.stack.push(handle)
    try {
      return `(${this.node(parseSegmentDsl(segment.dsl))})`
    } catch (error) {
      if (!(error instanceof SegmentDslError)) throw error
      return failAt(at, `segment '${handle}' cannot be used: ${error.message}`)
    } finally {
      this.stack.pop()
    }
  }
}

/**
 * Compiles segment DSL text to one parameterised SQL condition over contacts (`c`).
 * `handle` is the segment's own handle, so that it cannot include itself.
 */
export function compileSegmentDsl(
  text: string,
  { lookup = () => undefined, handle }: { lookup?: SegmentLookup; handle?: string } = {}
): CompiledSegment {
  const compiler = new Compiler(lookup, handle ? [handle] : [])
  const where = compiler.node(parseSegmentDsl(text))
  return { where, params: compiler.params, references: [...compiler.references] }
}
