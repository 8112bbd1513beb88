import {
  CODE_ALPHABET,
  CodePatternError,
  MAX_RANDOM_CHARACTERS,
  MIN_RANDOM_CHARACTERS,
  normalizeCode,
  parseCodePattern,
  patternCapacity,
} from "../code-pattern"

describe("CODE_ALPHABET", () => {
  it("has 32 distinct symbols, so that a random byte maps onto it evenly", () => {
    expect(CODE_ALPHABET).toHaveLength(32)
    expect(new Set(CODE_ALPHABET).size).toBe(32)
    expect(256 % CODE_ALPHABET.length).toBe(0)
  })

  it("leaves out the characters read as one another: 0/O and 1/I", () => {
    for (const ambiguous of ["0", "O", "1", "I"]) expect(CODE_ALPHABET).not.toContain(ambiguous)
  })
})

describe("parseCodePattern", () => {
  it("keeps literals and turns each X into a random position", () => {
    const pattern = parseCodePattern("SPRING-XXXX-XXXX")
    expect(pattern.alphabet).toBe(CODE_ALPHABET)
    expect(pattern.randomCharacters).toBe(8)
    expect(pattern.literals.join("")).toBe("SPRING--")
    expect(pattern.literals).toHaveLength("SPRING-XXXX-XXXX".length)
    const random = pattern.byteIndexes.filter((index) => index >= 0)
    expect(random).toHaveLength(8)
    expect(pattern.byteIndexes.slice(0, 7)).toEqual([-1, -1, -1, -1, -1, -1, -1])
  })

  it("draws each random position from its own byte, never a UUID's version byte", () => {
    const { byteIndexes } = parseCodePattern("X".repeat(MAX_RANDOM_CHARACTERS))
    expect(new Set(byteIndexes).size).toBe(MAX_RANDOM_CHARACTERS)
    expect(byteIndexes).not.toContain(6)
    expect(byteIndexes).not.toContain(22)
    expect(Math.max(...byteIndexes)).toBeLessThan(32)
  })

  it("reads lower case and surrounding spaces as the stored, upper-case form", () => {
    expect(parseCodePattern("  vip_xxxxxx ")).toEqual(parseCodePattern("VIP_XXXXXX"))
  })

  it.each([
    ["", /only use letters, digits/],
    ["SPRING XXXXXX", /only use letters, digits/],
    ["PROMO-XXXXXX!", /only use letters, digits/],
    [`${"A".repeat(43)}XXXXXX`, /up to 48 characters/],
    ["SPRING-XXXX", new RegExp(`between ${MIN_RANDOM_CHARACTERS} and ${MAX_RANDOM_CHARACTERS} X .*it has 4`)],
    ["X".repeat(MAX_RANDOM_CHARACTERS + 1), /it has 31/],
  ])("refuses %j with a message saying why", (pattern, message) => {
    expect(() => parseCodePattern(pattern)).toThrow(CodePatternError)
    expect(() => parseCodePattern(pattern)).toThrow(message)
  })
})

describe("patternCapacity", () => {
  it("is a hundredth of the pattern's space, so that random draws rarely collide", () => {
    expect(patternCapacity(parseCodePattern("XXXXXX"))).toBe(Math.floor(32 ** 6 / 100))
    expect(patternCapacity(parseCodePattern("SUMMER-XXXXXX"))).toBe(10_737_418)
    expect(patternCapacity(parseCodePattern("XXXX-XXXX-XXXX"))).toBe(Math.floor(32 ** 12 / 100))
  })

  it("does not count literals", () => {
    expect(patternCapacity(parseCodePattern("A-XXXXXXX"))).toBe(patternCapacity(parseCodePattern("XXXXXXX")))
  })
})

describe("normalizeCode", () => {
  it("stores what a shopper typed trimmed and in upper case", () => {
    expect(normalizeCode("  spring-ab2c ")).toBe("SPRING-AB2C")
  })
})
