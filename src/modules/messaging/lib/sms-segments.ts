/**
 * How many SMS a text costs. Carriers bill per segment, and a segment holds 140 bytes: 160 GSM-7
 * septets or 70 UCS-2 code units. A text longer than one segment is split into parts that each
 * give up room to a concatenation header, leaving 153 septets or 67 units, and a character is
 * never split across two parts (neither an escaped GSM character nor a UTF-16 surrogate pair).
 */
export type SmsEncoding = "GSM-7" | "UCS-2"

export interface SmsSegments {
  encoding: SmsEncoding
  /** Counted as carriers count: septets for GSM-7 (extension characters take two), UTF-16 code units for UCS-2 (emoji take two). */
  characters: number
  segments: number
  /** Capacity of each segment: of the only one, or of each part of a concatenated text. */
  per_segment: number
}

export const SMS_CAPACITY: Record<SmsEncoding, { single: number; concatenated: number }> = {
  "GSM-7": { single: 160, concatenated: 153 },
  "UCS-2": { single: 70, concatenated: 67 },
}

/** 3GPP TS 23.038 §6.2.1 default alphabet, without the escape code 0x1B. */
export const GSM_BASIC_CHARACTERS = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
    " !\"#¤%&'()*+,-./0123456789:;<=>?" +
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§" +
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)

/** 3GPP TS 23.038 §6.2.1.1 extension table: each is sent as escape + character, two septets. */
export const GSM_EXTENSION_CHARACTERS = new Set("\f^{}\\[~]|€")

export function smsSegments(text: string): SmsSegments {
  const encoding: SmsEncoding = [...text].every(isGsmCharacter) ? "GSM-7" : "UCS-2"
  const units = Array.from(text, encoding === "GSM-7" ? septets : (character) => character.length)
  const characters = units.reduce((total, size) => total + size, 0)
  const { single, concatenated } = SMS_CAPACITY[encoding]
  if (characters <= single) return { encoding, characters, segments: characters === 0 ? 0 : 1, per_segment: single }
  return { encoding, characters, segments: packedSegments(units, concatenated), per_segment: concatenated }
}

const isGsmCharacter = (character: string) =>
  GSM_BASIC_CHARACTERS.has(character) || GSM_EXTENSION_CHARACTERS.has(character)

const septets = (character: string) => (GSM_EXTENSION_CHARACTERS.has(character) ? 2 : 1)

/** Fills parts in order; a character that does not fit whole starts the next part. */
function packedSegments(units: number[], capacity: number): number {
  let segments = 1
  let used = 0
  for (const size of units) {
    if (used + size > capacity) {
      segments += 1
      used = 0
    }
    used += size
  }
  return segments
}
