import { insertAtCursor } from "../insert-at-cursor"
import { problemRange } from "../dsl-problem-range"

describe("problemRange", () => {
  const text = "total_spent > 500 AND\ncountry IN (x"

  it("marks the offending token on its line", () => {
    const range = problemRange(text, { line: 2, column: 13, token: "x" })
    expect(text.slice(range.start, range.end)).toBe("x")
  })

  it("marks the room after the text when the input ends too early", () => {
    expect(problemRange("total_spent >", { line: 1, column: 14, token: null })).toEqual({ start: 13, end: 13 })
  })

  it("keeps a token that runs past its line on that line", () => {
    const range = problemRange("a = 'open\nb", { line: 1, column: 5, token: "'open\nb" })
    expect(range).toEqual({ start: 4, end: 9 })
  })

  it("stays inside the text when the position is out of it", () => {
    expect(problemRange("a", { line: 5, column: 40, token: "x" })).toEqual({ start: 1, end: 1 })
  })
})

describe("insertAtCursor", () => {
  it("types the snippet at the caret, spaced from the words around it", () => {
    expect(insertAtCursor("total_spent > 5 AND", { start: 19, end: 19 }, "country")).toEqual({
      text: "total_spent > 5 AND country",
      caret: 27,
    })
  })

  it("replaces the selection", () => {
    expect(insertAtCursor("a = 1", { start: 0, end: 1 }, "orders_count").text).toBe("orders_count = 1")
  })

  it("does not space it from an opening parenthesis", () => {
    expect(insertAtCursor("NOT ()", { start: 5, end: 5 }, "has_account").text).toBe("NOT (has_account)")
  })
})
