import { encode, wrap } from "nodemailer/lib/qp"

/** RFC 2045 §6.7: no encoded line is longer than 76 characters. */
const LINE_LENGTH = 76
const SOFT_BREAK = "=\r\n"
/** Written as they are by quoted-printable, and no line may end in one: `=` and whitespace are not. */
const LITERAL_NON_SPACE = /^[!-<>-~]*$/u
const LETTERS_AND_DIGITS = /^[A-Za-z0-9]+$/u

/** Literal text, or the token's characters from..to. */
type Piece = string | readonly [from: number, to: number]

/**
 * One text part of an email (its MIME headers and quoted-printable body) encoded once for every
 * message whose body differs from the others' only by a token. The body is encoded holding a
 * stand-in of the token's length; each message's token then takes the stand-in's place character
 * for character, around the soft line breaks the encoder put inside it. Every line keeps its
 * length and a soft break between two literal characters is valid whichever they are, so the part
 * decodes to that message's own body.
 *
 * Always quoted-printable, which nodemailer picks too unless most of a text is not Latin (then it
 * picks base64, in which a token cannot be put without encoding the whole body again).
 */
export class TokenizedMimePart {
  private readonly pieces: Piece[] = []

  constructor(contentType: string, body: string, private readonly standIn?: string) {
    if (standIn !== undefined && !LETTERS_AND_DIGITS.test(standIn)) {
      throw new Error("a token's stand-in must be letters and digits")
    }
    this.literal(`Content-Type: ${contentType}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n`)
    const encoded = wrap(encode(body.replace(/\r?\n/gu, "\r\n")), LINE_LENGTH)
    // Not from inside an =XX escape, whose digits a stand-in may share.
    const standInPattern = standIn && new RegExp(`(?<!=[0-9A-F]?)${[...standIn].join(`(?:${SOFT_BREAK})?`)}`, "gu")
    const occurrences = standInPattern ? encoded.matchAll(standInPattern) : []
    let end = 0
    for (const occurrence of occurrences) {
      this.literal(encoded.slice(end, occurrence.index))
      let from = 0
      for (const [index, chunk] of occurrence[0].split(SOFT_BREAK).entries()) {
        if (index > 0) this.literal(SOFT_BREAK)
        this.pieces.push([from, from + chunk.length])
        from += chunk.length
      }
      end = occurrence.index + occurrence[0].length
    }
    this.literal(encoded.slice(end))
  }

  /** The part for the message whose token is `token` (none when the body was given without a stand-in). */
  build(token?: string): string {
    if (this.standIn !== undefined && (token?.length !== this.standIn.length || !LITERAL_NON_SPACE.test(token))) {
      throw new Error(`a token must be ${this.standIn.length} printable characters other than '=' to take its stand-in's place`)
    }
    let part = ""
    for (const piece of this.pieces) part += typeof piece === "string" ? piece : token!.slice(piece[0], piece[1])
    return part
  }

  private literal(text: string) {
    const last = this.pieces.length - 1
    if (typeof this.pieces[last] === "string") this.pieces[last] += text
    else this.pieces.push(text)
  }
}
