// Postprocessors for grammar.ne: each turns the matched symbols into an AST node.
import type { Token } from "moo"
import type { CallArgument, Call, ComparisonOperator, FieldRef, Literal, Node, Position } from "./ast"

type Data = any[]

const SECONDS = { h: 3600, d: 86_400, w: 604_800 } as const

export const position = (token: Token): Position => ({
  line: token.line,
  col: token.col,
  offset: token.offset,
  text: token.text,
})

const positionOf = (node: { at: Position }) => node.at

const operator = (token: Token): ComparisonOperator => (token.value === "<>" ? "!=" : token.value) as ComparisonOperator

const unquote = (text: string) => text.slice(1, -1).replace(/''/g, "'")

export const first = (d: Data) => d[0]
export const second = (d: Data) => d[1]
export const list = (d: Data) => [d[0]]
export const append = (d: Data) => [...d[0], d[2]]

export const binary =
  (type: "and" | "or") =>
  (d: Data): Node => ({ type, left: d[0], right: d[2], at: position(d[1]) })

export const not = (d: Data): Node => ({ type: "not", expr: d[1], at: position(d[0]) })

export const literal = ([token]: Data): Literal => {
  const at = position(token)
  switch (token.type) {
    case "string":
      return { kind: "string", value: unquote(token.text), at }
    case "number":
      return { kind: "number", value: Number(token.text), at }
    case "kw_true":
    case "kw_false":
      return { kind: "boolean", value: token.type === "kw_true", at }
    case "datetime":
      return { kind: "date", value: token.text, at }
    default: {
      const unit = token.text.slice(-1) as keyof typeof SECONDS
      return { kind: "duration", value: Number(token.text.slice(0, -1)) * SECONDS[unit], at }
    }
  }
}

export const field = ([name]: Data): FieldRef => ({ name: name.value.toLowerCase(), at: position(name) })

export const keyedField = ([name, , key]: Data): FieldRef => ({
  name: name.value.toLowerCase(),
  key: key.value,
  at: position(name),
})

export const compare = ([f, op, value]: Data): Node => ({
  type: "compare",
  field: f,
  op: operator(op),
  value,
  at: positionOf(f),
})

export const inList =
  (negated: boolean) =>
  ([f, , values]: Data): Node => ({ type: "in", field: f, values, negated, at: positionOf(f) })

export const notInList = ([f, , , values]: Data): Node => ({
  type: "in",
  field: f,
  values,
  negated: true,
  at: positionOf(f),
})

export const text =
  (type: "contains") =>
  ([f, , token]: Data): Node => ({ type, field: f, value: literal([token]), at: positionOf(f) })

export const startsWith = ([f, , , token]: Data): Node => ({
  type: "starts_with",
  field: f,
  value: literal([token]),
  at: positionOf(f),
})

export const between = ([f, , low, , high]: Data): Node => ({ type: "between", field: f, low, high, at: positionOf(f) })

export const isNull =
  (negated: boolean) =>
  ([f]: Data): Node => ({ type: "is_null", field: f, negated, at: positionOf(f) })

export const isNotNull = (d: Data) => isNull(true)(d)

export const call = (d: Data): Call => ({
  type: "call",
  name: d[0].value.toLowerCase(),
  args: d.length === 4 ? d[2] : [],
  at: position(d[0]),
})

export const callCompare = ([c, op, value]: Data): Node => ({
  type: "call_compare",
  call: c,
  op: operator(op),
  value,
  at: c.at,
})

export const within = ([keyword, duration]: Data): CallArgument => ({
  kind: "within",
  values: [literal([duration])],
  at: position(keyword),
})

export const filterArgument = ([name, op, value]: Data): CallArgument => ({
  kind: "filter",
  name: name.value.toLowerCase(),
  op: operator(op),
  values: [value],
  at: position(name),
})

export const inArgument = ([name, , values]: Data): CallArgument => ({
  kind: "in",
  name: name.value.toLowerCase(),
  values,
  at: position(name),
})

export const literalArgument = ([value]: Data): CallArgument => ({
  kind: "literal",
  values: [value],
  at: value.at,
})
