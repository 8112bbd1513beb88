/**
 * Gathers calls and runs them as one, each caller getting its own result once the whole run has
 * finished: the calls made within `windowMs` (0: those of the current turn of the event loop), or,
 * while a run is under way, all those made until it ends (at most `maxItems` a run). For the
 * tracking hot path: one statement for many requests costs PostgreSQL a fraction of one per
 * request, and since every caller waits for the run, what it was told is stored is stored. One run
 * at a time, so that the batches grow with the load and two of them never lock the same rows in
 * opposite orders.
 */
export function microBatch<I, O>(
  run: (items: I[]) => Promise<O[]>,
  { windowMs = 1, maxItems = 500 }: { windowMs?: number; maxItems?: number } = {}
): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (result: O) => void; reject: (error: unknown) => void }[] = []
  let cancelTimer: (() => void) | null = null
  let running = false
  const startTimer = () => {
    if (windowMs) {
      const timer = setTimeout(flush, windowMs)
      cancelTimer = () => clearTimeout(timer)
    } else {
      const immediate = setImmediate(flush)
      cancelTimer = () => clearImmediate(immediate)
    }
  }

  const flush = () => {
    cancelTimer?.()
    cancelTimer = null
    if (running || !waiting.length) return
    running = true
    const batch = waiting.splice(0, maxItems)
    run(batch.map((call) => call.item))
      .then(
        (results) => batch.forEach((call, i) => call.resolve(results[i])),
        (error) => batch.forEach((call) => call.reject(error))
      )
      .finally(() => {
        running = false
        flush()
      })
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject })
      if (waiting.length >= maxItems) flush()
      else if (!cancelTimer && !running) startTimer()
    })
}
