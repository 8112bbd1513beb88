/**
 * A change of a contact's tags and attributes. Contacts have no tag column: tags are kept in
 * `metadata.tags` (an array), attributes are metadata keys; segments read both as `metadata.<key>`.
 */
export interface ContactMetadataChange {
  add_tags: string[]
  remove_tags: string[]
  /** null removes the key. */
  set_attributes: Record<string, string | number | boolean | null>
}

/**
 * The metadata after the change. Pure. Tags keep their order, added ones after, each once; a tag
 * both added and removed ends removed. `tags` set as an attribute is overridden by the tag lists
 * when they are not empty. A `tags` value that is not an array of strings starts from no tags.
 */
export function changeContactMetadata(metadata: Record<string, unknown> | null, change: ContactMetadataChange): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(metadata ?? {}) }
  for (const [key, value] of Object.entries(change.set_attributes)) {
    if (value === null) delete next[key]
    else next[key] = value
  }
  if (!change.add_tags.length && !change.remove_tags.length) return next
  const current = Array.isArray(next.tags) ? next.tags.filter((tag): tag is string => typeof tag === "string") : []
  const removed = new Set(change.remove_tags)
  next.tags = [...new Set([...current, ...change.add_tags])].filter((tag) => !removed.has(tag))
  return next
}
