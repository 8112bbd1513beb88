import fc from "fast-check"
import { GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS, SMS_CAPACITY, smsSegments } from "../sms-segments"

const CYRILLIC = "ж"
const EMOJI = "😀"

describe("smsSegments", () => {
  it("counts an empty text as nothing to send", () => {
    expect(smsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, segments: 0, per_segment: 160 })
  })

  it.each([
    ["1 character", "a", 1, 1, 160],
    ["160 characters", "a".repeat(160), 160, 1, 160],
    ["161 characters", "a".repeat(161), 161, 2, 153],
    ["306 characters", "a".repeat(306), 306, 2, 153],
    ["307 characters", "a".repeat(307), 307, 3, 153],
    ["every basic character", [...GSM_BASIC_CHARACTERS].join(""), 127, 1, 160],
  ])("GSM-7, %s", (_, text, characters, segments, perSegment) => {
    expect(smsSegments(text)).toEqual({ encoding: "GSM-7", characters, segments, per_segment: perSegment })
  })

  it.each([
    ["1 character", CYRILLIC, 1, 1, 70],
    ["70 characters", CYRILLIC.repeat(70), 70, 1, 70],
    ["71 characters", CYRILLIC.repeat(71), 71, 2, 67],
    ["134 characters", CYRILLIC.repeat(134), 134, 2, 67],
    ["135 characters", CYRILLIC.repeat(135), 135, 3, 67],
    ["35 emoji, two units each", EMOJI.repeat(35), 70, 1, 70],
    ["36 emoji", EMOJI.repeat(36), 72, 2, 67],
    ["one non-GSM character among GSM ones", "a".repeat(69) + "ą", 70, 1, 70],
    ["161 GSM characters and one emoji", "a".repeat(160) + EMOJI, 162, 3, 67],
  ])("UCS-2, %s", (_, text, characters, segments, perSegment) => {
    expect(smsSegments(text)).toEqual({ encoding: "UCS-2", characters, segments, per_segment: perSegment })
  })

  describe("GSM extension characters take two septets", () => {
    it.each([...GSM_EXTENSION_CHARACTERS])("%j", (character) => {
      expect(smsSegments(character)).toEqual({ encoding: "GSM-7", characters: 2, segments: 1, per_segment: 160 })
    })

    it.each([
      ["80 euro signs fill one segment", "€".repeat(80), 160, 1],
      ["159 letters and a brace do not", "a".repeat(159) + "{", 161, 2],
      ["a mix", "Price: 5€ [was 7€] ~ {ok}|^\\", 28 + 10, 1],
    ])("%s", (_, text, characters, segments) => {
      expect(smsSegments(text)).toMatchObject({ encoding: "GSM-7", characters, segments })
    })
  })

  describe("a character is never split between two parts", () => {
    it("an escaped GSM character that would straddle parts moves to the next", () => {
      // 306 septets would fill exactly two parts, but the euro sign cannot start at septet 153.
      expect(smsSegments("a".repeat(152) + "€" + "a".repeat(152))).toEqual({
        encoding: "GSM-7",
        characters: 306,
        segments: 3,
        per_segment: 153,
      })
    })

    it("a surrogate pair that would straddle parts moves to the next", () => {
      expect(smsSegments(CYRILLIC.repeat(66) + EMOJI + CYRILLIC.repeat(66))).toEqual({
        encoding: "UCS-2",
        characters: 134,
        segments: 3,
        per_segment: 67,
      })
    })
  })

  it.each([
    ["lowercase c cedilla (only the capital is in the table)", "ç"],
    ["a grave accent", "`"],
    ["a-acute", "á"],
    ["the escape code itself", "\u001b"],
    ["a tab", "\t"],
    ["the Ohm sign (not Greek Omega)", "\u2126"],
    ["typographic quotes", "\u2019"],
    ["a non-breaking space", "\u00a0"],
  ])("needs UCS-2 for %s", (_, character) => {
    expect(smsSegments(`Hello ${character}`).encoding).toBe("UCS-2")
  })

  it.each([
    ["Greek capitals", "ΔΦΓΛΩΠΨΣΘΞ"],
    ["Scandinavian and German letters", "ÆæØøÅåÄÖÜäöüß"],
    ["currency signs", "£$¥¤"],
    ["Spanish punctuation", "¡¿Ññ"],
    ["line breaks", "a\r\nb"],
  ])("keeps GSM-7 for %s", (_, text) => {
    expect(smsSegments(text)).toMatchObject({ encoding: "GSM-7", characters: [...text].length })
  })

  it("knows the whole alphabet and the extension table", () => {
    expect(GSM_BASIC_CHARACTERS.size).toBe(127)
    expect(GSM_EXTENSION_CHARACTERS.size).toBe(10)
    expect([...GSM_BASIC_CHARACTERS].filter((c) => GSM_EXTENSION_CHARACTERS.has(c))).toEqual([])
  })
})

describe("smsSegments properties", () => {
  const basic = fc.constantFrom(...GSM_BASIC_CHARACTERS)
  const gsm = fc.constantFrom(...GSM_BASIC_CHARACTERS, ...GSM_EXTENSION_CHARACTERS)
  const anyCharacter = fc.oneof(gsm, fc.constantFrom(CYRILLIC, EMOJI, "ç", "\u2019", "👍🏽"))
  const text = (character: fc.Arbitrary<string>) =>
    fc.array(character, { maxLength: 500 }).map((characters) => characters.join(""))

  it("a text of basic GSM characters costs ceil(n / 153) parts once it passes 160", () => {
    fc.assert(
      fc.property(text(basic), (message) => {
        const n = [...message].length
        const expected = n === 0 ? 0 : n <= 160 ? 1 : Math.ceil(n / 153)
        expect(smsSegments(message)).toMatchObject({ encoding: "GSM-7", characters: n, segments: expected })
      })
    )
  })

  it("counts septets or UTF-16 units, and packs them without waste beyond one unit per part", () => {
    fc.assert(
      fc.property(text(anyCharacter), (message) => {
        const { encoding, characters, segments, per_segment } = smsSegments(message)
        const gsmOnly = [...message].every((c) => GSM_BASIC_CHARACTERS.has(c) || GSM_EXTENSION_CHARACTERS.has(c))
        expect(encoding).toBe(gsmOnly ? "GSM-7" : "UCS-2")
        const septets = [...message].reduce((sum, c) => sum + (GSM_EXTENSION_CHARACTERS.has(c) ? 2 : 1), 0)
        expect(characters).toBe(gsmOnly ? septets : message.length)
        const { single, concatenated } = SMS_CAPACITY[encoding]
        expect(per_segment).toBe(characters <= single ? single : concatenated)
        if (characters === 0) return expect(segments).toBe(0)
        expect(segments).toBeGreaterThanOrEqual(Math.ceil(characters / per_segment))
        expect(segments).toBeLessThanOrEqual(Math.ceil(characters / (per_segment - 1)))
      })
    )
  })

  it("a longer text never costs fewer parts", () => {
    fc.assert(
      fc.property(text(gsm), gsm, (message, more) => {
        expect(smsSegments(message + more).segments).toBeGreaterThanOrEqual(smsSegments(message).segments)
      })
    )
  })
})
