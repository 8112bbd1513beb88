import nearley from "nearley"
import type { Token } from "moo"
import type { Node, Position } from "./ast"
import { SegmentDslError } from "./errors"
import grammar from "./grammar"

/** How each token type reads in an error message. */
const DESCRIPTIONS: Record<string, string> = {
  identifier: "a field or function name",
  string: "a 'quoted string'",
  number: "a number",
  datetime: "a date such as 2026-01-31",
  duration: "a duration such as 30d",
  op: "a comparison (=, !=, <, <=, >, >=)",
  lparen: "(",
  rparen: ")",
  comma: ",",
  dot: ".",
}

const describe = (type: string) => DESCRIPTIONS[type] ?? type.replace(/^kw_/, "").toUpperCase()

/** The token types the parser could have accepted at a column of its (untyped) Earley table. */
function expectedAfter(parser: nearley.Parser, column: number): string[] {
  const states = ((parser as any).table[column]?.states ?? []) as any[]
  const types = new Set<string>()
  for (const state of states) {
    const symbol = state.rule.symbols[state.dot]
    if (symbol && typeof symbol === "object" && "type" in symbol) types.add(symbol.type)
  }
  return [...types].map(describe).sort()
}

function endOfInput(text: string): Position {
  const lines = text.split("\n")
  return { line: lines.length, col: lines[lines.length - 1].length + 1, offset: text.length, text: "" }
}

/** Parses segment DSL text into an AST, or throws a SegmentDslError that says where and why. */
export function parseSegmentDsl(text: string): Node {
  if (!text.trim()) throw new SegmentDslError("Line 1, column 1: the segment is empty; write a condition such as orders_count > 0", 1, 1, null)
  const parser = new nearley.Parser(nearley.Grammar.fromCompiled(grammar))
  try {
    parser.feed(text)
  } catch (error) {
    const token = (error as { token?: Token }).token
    if (!token) throw error
    const expected = expectedAfter(parser, (parser as any).table.length - 2)
    const what = token.type === "error" ? `unexpected character '${token.text[0]}'` : `unexpected '${token.text}'`
    throw new SegmentDslError(
      `Line ${token.line}, column ${token.col}: ${what}` + (expected.length ? `; expected ${expected.join(", ")}` : ""),
      token.line,
      token.col,
      token.type === "error" ? token.text[0] : token.text,
      expected
    )
  }
  if (parser.results.length === 0) {
    const end = endOfInput(text)
    const expected = expectedAfter(parser, (parser as any).table.length - 1)
    throw new SegmentDslError(
      `Line ${end.line}, column ${end.col}: the condition is incomplete; expected ${expected.join(", ")}`,
      end.line,
      end.col,
      null,
      expected
    )
  }
  // The grammar is unambiguous: a second parse would be a grammar bug, not a user error.
  if (parser.results.length > 1) throw new Error(`Segment DSL grammar is ambiguous for: ${text}`)
  return parser.results[0]
}
