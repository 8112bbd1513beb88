/**
 * The number of single-character insertions, deletions, substitutions or swaps of two neighbours that
 * turn `a` into `b` (the optimal string alignment distance): "emial" is one swap from "email".
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    beforePrevious = previous
    previous = current
  }
  return previous[b.length]
}

/**
 * The known name a mistyped one most likely meant, or null when none is near: a third of the name's
 * letters may differ (at least one), so that "ordrs_count" finds "orders_count" but "colour" finds nothing.
 * Case is ignored, as people type it wrongly more often than it carries meaning here.
 */
export function closestName(name: string, known: readonly string[]): string | null {
  const typed = name.toLowerCase()
  const allowed = Math.max(1, Math.floor(typed.length / 3))
  let best: { name: string; distance: number } | null = null
  for (const candidate of known) {
    const distance = editDistance(typed, candidate.toLowerCase())
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance }
  }
  return best?.name ?? null
}
