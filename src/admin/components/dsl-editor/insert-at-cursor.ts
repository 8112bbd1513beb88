/**
 * The text with `snippet` typed at the caret (replacing any selection), spaced from the words around
 * it, and where the caret goes after it.
 */
export function insertAtCursor(text: string, selection: { start: number; end: number }, snippet: string) {
  const before = text.slice(0, selection.start)
  const after = text.slice(selection.end)
  const leading = before && !/\s$/.test(before) && !before.endsWith("(") ? " " : ""
  const trailing = after && !/^\s/.test(after) && !after.startsWith(")") ? " " : ""
  const inserted = `${leading}${snippet}${trailing}`
  return { text: before + inserted + after, caret: before.length + leading.length + snippet.length }
}
