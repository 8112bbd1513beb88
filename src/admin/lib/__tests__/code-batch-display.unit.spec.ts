import { codeBatchLabel, voidBatchQuestion } from "../code-batch-display"
import { formatDateTime } from "../format"

describe("codeBatchLabel", () => {
  it("names a batch by its size and when it was made", () => {
    const created_at = "2026-12-03T14:02:00.000Z"
    expect(codeBatchLabel({ count: 1000, created_at })).toBe(`Batch of 1,000 · ${formatDateTime(created_at)}`)
    expect(codeBatchLabel({ count: 5, created_at })).toMatch(/^Batch of 5 · .*2026/)
  })
})

describe("voidBatchQuestion", () => {
  it("states how many codes voiding takes away", () => {
    expect(voidBatchQuestion({ available: 1 })).toBe("Void the 1 available code?")
    expect(voidBatchQuestion({ available: 1234 })).toBe("Void 1,234 available codes?")
  })
})
