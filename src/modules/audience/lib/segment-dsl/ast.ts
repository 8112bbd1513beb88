/** Where a token stands in the DSL text; lines and columns count from 1. */
export interface Position {
  line: number
  col: number
  offset: number
  text: string
}

export type LiteralKind = "string" | "number" | "boolean" | "date" | "duration"

export interface Literal {
  kind: LiteralKind
  /** Strings unescaped; numbers parsed; dates ISO text; durations in seconds. */
  value: string | number | boolean
  at: Position
}

export interface FieldRef {
  name: string
  /** The key after the dot, e.g. `tier` in `metadata.tier`. */
  key?: string
  at: Position
}

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">="

export interface CallArgument {
  kind: "filter" | "in" | "within" | "literal"
  name?: string
  op?: ComparisonOperator
  values: Literal[]
  at: Position
}

export interface Call {
  type: "call"
  name: string
  args: CallArgument[]
  at: Position
}

export type Node =
  | { type: "and" | "or"; left: Node; right: Node; at: Position }
  | { type: "not"; expr: Node; at: Position }
  | { type: "compare"; field: FieldRef; op: ComparisonOperator; value: Literal; at: Position }
  | { type: "in"; field: FieldRef; values: Literal[]; negated: boolean; at: Position }
  | { type: "contains" | "starts_with"; field: FieldRef; value: Literal; at: Position }
  | { type: "between"; field: FieldRef; low: Literal; high: Literal; at: Position }
  | { type: "is_null"; field: FieldRef; negated: boolean; at: Position }
  | Call
  | { type: "call_compare"; call: Call; op: ComparisonOperator; value: Literal; at: Position }
