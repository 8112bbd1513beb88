/**
 * Control characters (C0, DEL, C1), except tab and line breaks, which text may legitimately hold.
 * PostgreSQL refuses U+0000 in text and jsonb outright; the others are never wanted in a contact.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g

const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`

/** The first control character in the text, as U+XXXX, or null when it has none. */
export function controlCharacterIn(text: string): string | null {
  const found = text.match(new RegExp(CONTROL_CHARACTERS.source))
  return found ? codePoint(found[0]) : null
}

/**
 * At most `max` UTF-16 units, ending in "…" when cut. A surrogate pair is never split: PostgreSQL
 * refuses half of one in jsonb.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return `${text.slice(0, end)}…`
}

/** Text that any text or jsonb column stores: control characters written as <U+XXXX>, clipped to `max`. */
export function storableText(text: string, max: number): string {
  return clip(text.replace(CONTROL_CHARACTERS, (char) => `<${codePoint(char)}>`), max)
}

/** The text without control characters, tabs or line breaks, on one line and clipped: a label for display. */
export function displayLabel(text: string, max: number): string {
  return clip(text.replace(CONTROL_CHARACTERS, "").replace(/\s+/g, " ").trim(), max)
}
