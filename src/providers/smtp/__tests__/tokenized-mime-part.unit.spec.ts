import fc from "fast-check"
import { encode, wrap } from "nodemailer/lib/qp"
import { trackingToken } from "../../../modules/messaging/lib/tracking-token"
import { StandIns } from "../../../modules/messaging/lib/stand-in"
import { TokenizedMimePart } from "../tokenized-mime-part"

const HTML = "text/html; charset=utf-8"
const TOKEN = trackingToken("mmsg_01JBENCH000000000000000001", "secret")
const STAND_IN = new StandIns().of(TOKEN.length)

/** RFC 2045 §6.7 decoding, written apart from any encoder: soft breaks go, =XX become bytes. */
function decodeQuotedPrintable(encoded: string): string {
  const bytes: number[] = []
  const unwrapped = encoded.replace(/=\r\n/g, "")
  for (let i = 0; i < unwrapped.length; i++) {
    if (unwrapped[i] === "=") {
      bytes.push(parseInt(unwrapped.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(unwrapped.charCodeAt(i))
  }
  return Buffer.from(bytes).toString("utf8")
}

function split(part: string) {
  const separator = part.indexOf("\r\n\r\n")
  return { head: part.slice(0, separator), body: part.slice(separator + 4) }
}

const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n")

describe("TokenizedMimePart", () => {
  it("writes the part's headers and a quoted-printable body", () => {
    const part = new TokenizedMimePart(HTML, "<p>Grüße</p>").build()
    expect(split(part)).toEqual({
      head: "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
      body: "<p>Gr=C3=BC=C3=9Fe</p>",
    })
  })

  it("puts each message's token where the stand-in was, across the soft line breaks inside it", () => {
    const body = `<a href="https://shop.example.com/t/c/${STAND_IN}/1">Shop</a>\n${"x".repeat(70)}${STAND_IN}`
    const template = new TokenizedMimePart(HTML, body, STAND_IN)
    const encoded = split(template.build(TOKEN)).body
    expect(encoded).not.toContain(STAND_IN.slice(0, 20))
    expect(encoded.replace(/=\r\n/g, "")).toContain(TOKEN)
    expect(decodeQuotedPrintable(encoded)).toBe(crlf(body.replaceAll(STAND_IN, TOKEN)))
    // The token cannot fit on one line: the encoder's breaks run through it.
    expect(TOKEN.length).toBeGreaterThan(76)
    expect(encoded).not.toContain(TOKEN)
    expect(Math.max(...encoded.split("\r\n").map((line) => line.length))).toBeLessThanOrEqual(76)
  })

  it("encodes a body without the stand-in as nodemailer does, and gives every message the same part", () => {
    const body = `Hello ${"wörld ".repeat(40)}\n\tend  \n`
    const template = new TokenizedMimePart("text/plain; charset=utf-8", body, STAND_IN)
    expect(split(template.build(TOKEN)).body).toBe(wrap(encode(crlf(body)), 76))
    expect(template.build(TOKEN)).toBe(template.build(trackingToken("mmsg_01JBENCH000000000000000002", "secret")))
  })

  it("refuses a token that cannot take the stand-in's place", () => {
    const template = new TokenizedMimePart(HTML, `<a href="/t/${STAND_IN}">x</a>`, STAND_IN)
    for (const token of [undefined, TOKEN.slice(1), `=${TOKEN.slice(1)}`, ` ${TOKEN.slice(1)}`, `ü${TOKEN.slice(1)}`]) {
      expect(() => template.build(token)).toThrow(`a token must be ${TOKEN.length} printable characters other than '='`)
    }
    expect(() => new TokenizedMimePart(HTML, "x", "not-letters")).toThrow("letters and digits")
  })

  it("decodes to each message's own body, in lines of at most 76 characters (property)", () => {
    const tokenCharacter = fc.constantFrom(..."ABCxyz0189-_.!~<>?@")
    const text = fc.string({ unit: fc.constantFrom("a", "Z", " ", "\t", "\n", "\r\n", "=", ".", "ü", "日本", "😀", "<p>", "%") })
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 130 }),
        fc.array(fc.string({ unit: tokenCharacter, minLength: 130, maxLength: 130 }), { minLength: 1, maxLength: 3 }),
        (pieces, length, tokens) => {
          const standIn = "9f8e7d6c5b4a".repeat(11).slice(0, length)
          const body = pieces.join(standIn)
          const template = new TokenizedMimePart(HTML, body, standIn)
          for (const token of tokens.map((candidate) => candidate.slice(0, length))) {
            const encoded = split(template.build(token)).body
            expect(decodeQuotedPrintable(encoded)).toBe(crlf(body.replaceAll(standIn, token)))
            for (const line of encoded.split("\r\n")) {
              expect(line.length).toBeLessThanOrEqual(76)
              // A line never ends in whitespace: a relay may strip it.
              expect(line).not.toMatch(/[ \t]$/)
            }
          }
        }
      ),
      { numRuns: 300 }
    )
  })
})
