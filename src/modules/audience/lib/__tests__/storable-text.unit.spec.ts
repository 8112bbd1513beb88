import { clip, controlCharacterIn, displayLabel, storableText } from "../storable-text"

describe("storable text", () => {
  it("finds the first control character, leaving tabs and line breaks alone", () => {
    expect(controlCharacterIn("a\u0000b\u0007")).toBe("U+0000")
    expect(controlCharacterIn("a\u009Fb")).toBe("U+009F")
    expect(controlCharacterIn("two\r\nlines\tand a tab, Ünïcödé 🎉")).toBeNull()
  })

  it("clips without splitting a surrogate pair", () => {
    expect(clip("abcdef", 6)).toBe("abcdef")
    expect(clip("abcdefg", 6)).toBe("abcde…")
    expect(clip("abcd🎉fg", 6)).toBe("abcd…")
    expect(clip("abc🎉fg", 6)).toBe("abc🎉…")
  })

  it("writes control characters out and bounds the length", () => {
    expect(storableText("unknown column 'a\u0000b'", 100)).toBe("unknown column 'a<U+0000>b'")
    expect(storableText("x\u0000".repeat(100), 20)).toBe("x<U+0000>x<U+0000>x…")
  })

  it("makes a one-line display label", () => {
    expect(displayLabel("  my\u0000 contacts\n\tlist.csv ", 100)).toBe("my contacts list.csv")
    expect(displayLabel("a".repeat(300), 120)).toHaveLength(120)
  })
})
