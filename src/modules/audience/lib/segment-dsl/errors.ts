import type { Position } from "./ast"

/** A problem in segment DSL text, located so that an editor can mark it. */
export class SegmentDslError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** The offending text, or null at the end of the input. */
    readonly token: string | null,
    /** What would have been accepted there, when the parser knows. */
    readonly expected: string[] = []
  ) {
    super(message)
    this.name = "SegmentDslError"
  }

  toJSON() {
    return { message: this.message, line: this.line, column: this.column, token: this.token, expected: this.expected }
  }
}

/** Throws a SegmentDslError at a token's position. */
export const failAt = (at: Position, message: string, expected: string[] = []): never => {
  throw new SegmentDslError(`Line ${at.line}, column ${at.col}: ${message}`, at.line, at.col, at.text || null, expected)
}
