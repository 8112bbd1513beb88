import { oneRunPerProcess, RunWakeUps } from "../one-run-per-process"

/** A run of rounds that stops when a round finds nothing and nobody called meanwhile, as the runners do. */
function roundsUntilIdle(work: number[], gates: Promise<void>[]) {
  return async (wakeUps: RunWakeUps) => {
    let rounds = 0
    for (;;) {
      wakeUps.woken = false
      await gates[rounds]
      const found = work.shift() ?? 0
      rounds++
      if (found === 0 && !wakeUps.woken) return rounds
    }
  }
}

describe("oneRunPerProcess", () => {
  it("gives a call made during a run that run, and makes it look once more before it stops", async () => {
    const runs = oneRunPerProcess<number>()
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    const first = runs(roundsUntilIdle([], [gate]))
    const second = runs(async () => -1)
    expect(second).toBe(first)
    open()
    // Its one round found nothing, but a call came during it: a second round.
    expect(await first).toBe(2)
  })

  it("stops after a round that finds nothing when nobody called", async () => {
    const runs = oneRunPerProcess<number>()
    expect(await runs(roundsUntilIdle([3, 1], []))).toBe(3)
  })

  it("starts a new run once the last one ended, with its own wake-ups", async () => {
    const runs = oneRunPerProcess<number>()
    const first = runs(roundsUntilIdle([], []))
    expect(await first).toBe(1)
    const next = runs(roundsUntilIdle([], []))
    expect(next).not.toBe(first)
    expect(await next).toBe(1)
  })

  it("starts a new run after one that failed", async () => {
    const runs = oneRunPerProcess<number>()
    await expect(runs(async () => Promise.reject(new Error("down")))).rejects.toThrow("down")
    expect(await runs(async () => 7)).toBe(7)
  })
})
