import { FieldChanges } from "../../../types/audit"

export const REDACTED = "[redacted]"

/** Field names whose values never reach the audit log, at any depth. */
const SECRET = /(secret|password|passwd|token|api_?key|credential|private_?key|signature|authorization)/i

/** Bookkeeping the log would only repeat: it stores when the entry happened itself. */
const IGNORED = new Set(["created_at", "updated_at", "deleted_at"])

export function redact(value: unknown, key = ""): unknown {
  if (key && SECRET.test(key)) return REDACTED
  if (Array.isArray(value)) return value.map((item) => redact(item))
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]))
  }
  return value
}

const normalise = (value: unknown): unknown =>
  value instanceof Date ? value.toISOString() : value === undefined ? null : value

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b))

/**
 * The fields that differ between two versions of a record, secrets redacted.
 * `before` null is a creation, `after` null a deletion: then every field with a value is listed.
 * Between two versions only the fields both carry are compared. Returns null when nothing changed.
 */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null
): FieldChanges | null {
  const keys =
    before && after
      ? Object.keys(after).filter((key) => key in before)
      : Object.keys(before ?? after ?? {})
  const changes: FieldChanges = {}
  for (const key of keys.sort()) {
    if (IGNORED.has(key) || key === "id") continue
    const from = normalise(before?.[key])
    const to = normalise(after?.[key])
    if (same(from, to)) continue
    changes[key] = SECRET.test(key)
      ? { from: from === null ? null : REDACTED, to: to === null ? null : REDACTED }
      : { from: redact(from), to: redact(to) }
  }
  return Object.keys(changes).length ? changes : null
}
