/** No 0/O, 1/I: codes are read off screens and typed by hand. 32 symbols, so a byte maps evenly. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

/** Random bytes come from two UUIDv4s; bytes 6 and 22 carry the version bits and are skipped. */
const RANDOM_BYTE_INDEXES = Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 6 && i !== 22)

export const MIN_RANDOM_CHARACTERS = 6
export const MAX_RANDOM_CHARACTERS = RANDOM_BYTE_INDEXES.length

/** A generated-code pattern as the SQL generator takes it: each position a literal or a random byte's index. */
export interface CodePattern {
  alphabet: string
  literals: string[]
  /** -1 for a literal position. */
  byteIndexes: number[]
  randomCharacters: number
}

export class CodePatternError extends Error {}

/**
 * `SPRING-XXXX-XXXX`: each X becomes a random character of CODE_ALPHABET; letters, digits, `-` and `_`
 * are kept as they are (upper-cased).
 */
export function parseCodePattern(pattern: string): CodePattern {
  const upper = pattern.trim().toUpperCase()
  if (!/^[A-Z0-9_-]{1,48}$/.test(upper)) {
    throw new CodePatternError("code_pattern may only use letters, digits, '-' and '_', up to 48 characters")
  }
  const randomCharacters = [...upper].filter((c) => c === "X").length
  if (randomCharacters < MIN_RANDOM_CHARACTERS || randomCharacters > MAX_RANDOM_CHARACTERS) {
    throw new CodePatternError(
      `code_pattern needs between ${MIN_RANDOM_CHARACTERS} and ${MAX_RANDOM_CHARACTERS} X (random characters); it has ${randomCharacters}`
    )
  }
  let next = 0
  const positions = [...upper].map((c) => (c === "X" ? { literal: "", byte: RANDOM_BYTE_INDEXES[next++] } : { literal: c, byte: -1 }))
  return {
    alphabet: CODE_ALPHABET,
    literals: positions.map((p) => p.literal),
    byteIndexes: positions.map((p) => p.byte),
    randomCharacters,
  }
}

/**
 * How many codes a pattern can hold while random draws still rarely collide: a hundredth of its
 * space, so that each generation round finds almost all of its codes new.
 */
export function patternCapacity(pattern: CodePattern): number {
  return Math.floor(Math.pow(CODE_ALPHABET.length, pattern.randomCharacters) / 100)
}

/** What a shopper typed, in the form codes are stored in. */
export const normalizeCode = (code: string) => code.trim().toUpperCase()
