import type { SegmentDslProblem } from "../../types/segments"

export interface TextRange {
  start: number
  end: number
}

/**
 * Where in the text a DSL problem is, as character offsets: from its line and (1-based) column, as long
 * as its token; a problem at the end of the input (no token) marks one character's room after the text.
 * Never runs past the end of the problem's line, so a mark stays on the line it belongs to.
 */
export function problemRange(text: string, { line, column, token }: Pick<SegmentDslProblem, "line" | "column" | "token">): TextRange {
  const lines = text.split("\n")
  const lineIndex = Math.min(Math.max(line, 1), lines.length) - 1
  const lineStart = lines.slice(0, lineIndex).reduce((offset, previous) => offset + previous.length + 1, 0)
  const lineText = lines[lineIndex]
  const startInLine = Math.min(Math.max(column, 1) - 1, lineText.length)
  const length = token ? Math.min(token.length, lineText.length - startInLine) : 0
  return { start: lineStart + startInLine, end: lineStart + startInLine + Math.max(length, 0) }
}
