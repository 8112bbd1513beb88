import { microBatch } from "../micro-batch"

const later = () => new Promise((resolve) => setTimeout(resolve, 5))

describe("microBatch", () => {
  it("runs the calls of one window together and gives each caller its own result", async () => {
    const runs: number[][] = []
    const double = microBatch(async (items: number[]) => {
      runs.push(items)
      return items.map((n) => n * 2)
    })
    expect(await Promise.all([double(1), double(2), double(3)])).toEqual([2, 4, 6])
    expect(runs).toEqual([[1, 2, 3]])
  })

  it("answers no caller before its run has finished, and fails every caller of a failed run", async () => {
    let finish!: () => void
    const store = microBatch(async (items: string[]) => {
      await new Promise<void>((resolve) => (finish = resolve))
      if (items.includes("bad")) throw new Error("statement failed")
      return items
    })
    let answered = false
    const first = store("a").then(() => (answered = true))
    await later()
    expect(answered).toBe(false)
    finish()
    await first
    const failing = Promise.allSettled([store("b"), store("bad")])
    await later()
    finish()
    expect((await failing).map((r) => r.status)).toEqual(["rejected", "rejected"])
  })

  it("runs one batch at a time, gathering the calls made meanwhile into the next", async () => {
    const runs: number[][] = []
    let inFlight = 0
    const record = microBatch(
      async (items: number[]) => {
        inFlight++
        expect(inFlight).toBe(1)
        runs.push(items)
        await later()
        inFlight--
        return items
      },
      { maxItems: 3 }
    )
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => record(n)))
    expect(runs).toEqual([[1, 2, 3], [4, 5, 6], [7]])
  })
})
