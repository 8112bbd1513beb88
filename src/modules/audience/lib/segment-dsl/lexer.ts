// Keyword token types carry a prefix: nearley declares a variable per token type, and `in` or `with` cannot be one.
import moo from "moo"

const KEYWORDS: Record<string, string> = {
  and: "kw_and",
  or: "kw_or",
  not: "kw_not",
  in: "kw_in",
  contains: "kw_contains",
  starts: "kw_starts",
  with: "kw_with",
  between: "kw_between",
  is: "kw_is",
  null: "kw_null",
  true: "kw_true",
  false: "kw_false",
  within: "kw_within",
}

/** Keywords are case-insensitive: `AND`, `and` and `And` are the same word. */
const keywordOrIdentifier = (text: string) => KEYWORDS[text.toLowerCase()] ?? "identifier"

const rules = moo.compile({
  ws: { match: /\s+/, lineBreaks: true },
  datetime: /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/,
  duration: /\d+(?:\.\d+)?[hdw]\b/,
  number: /-?\d+(?:\.\d+)?\b/,
  // SQL-style: a quote inside a string is doubled ('it''s'); a backslash is just a backslash.
  string: /'(?:[^'\n]|'')*'/,
  op: ["<=", ">=", "!=", "<>", "=", "<", ">"],
  lparen: "(",
  rparen: ")",
  comma: ",",
  dot: ".",
  identifier: { match: /[a-zA-Z_][a-zA-Z0-9_]*/, type: keywordOrIdentifier as any },
  // Anything else becomes one error token, so that the parser reports it with its position.
  error: moo.error,
})

/** The moo lexer without whitespace, which the grammar never needs to see. */
export const lexer = {
  reset: (chunk: string, state?: moo.LexerState) => rules.reset(chunk, state),
  next: (): moo.Token | undefined => {
    let token: moo.Token | undefined
    do token = rules.next()
    while (token && token.type === "ws")
    return token
  },
  save: () => rules.save(),
  formatError: (token: moo.Token, message?: string) => rules.formatError(token, message),
  has: (type: string) => rules.has(type),
}
