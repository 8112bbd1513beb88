/** What a run reads to know whether it was called again while under way. */
export type RunWakeUps = { woken: boolean }

/**
 * One run per process at a time: a call during a run gets that run, and sets its `woken`, which the
 * run clears at each round and reads before it stops, so that work queued meanwhile is not left
 * for the next tick. Other processes run side by side; their claims never overlap.
 */
export function oneRunPerProcess<R>(): (start: (wakeUps: RunWakeUps) => Promise<R>) => Promise<R> {
  let running: { result: Promise<R>; wakeUps: RunWakeUps } | null = null
  return (start) => {
    if (running) {
      running.wakeUps.woken = true
      return running.result
    }
    const wakeUps = { woken: false }
    const result = start(wakeUps).finally(() => {
      running = null
    })
    running = { result, wakeUps }
    return result
  }
}
