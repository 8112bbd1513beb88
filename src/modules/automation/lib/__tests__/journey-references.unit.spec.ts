import { SegmentKind } from "../../../../types/audience/module"
import { referencedRecords, referenceProblems } from "../journey-references"
import { parseJourney, welcomeJourney } from "./fixtures"

const welcome = parseJourney(welcomeJourney())
const found = (promotions: string[], segments: [string, SegmentKind][]) => ({
  promotion_ids: new Set(promotions),
  segment_kinds: new Map(segments),
})
const located = (problems: ReturnType<typeof referenceProblems>) => problems.map(({ code, path, step_id }) => ({ code, path, step_id }))
const stepIndex = (id: string) => welcome.graph.steps.findIndex((s) => s.id === id)

describe("referencedRecords", () => {
  it("names each promotion and segment the steps act on, once", () => {
    expect(referencedRecords(welcome)).toEqual({ promotion_ids: ["mpromo_1"], segment_ids: ["mseg_vip"] })
  })
})

describe("referenceProblems", () => {
  it("accepts a journey whose promotion exists and whose membership segment is static", () => {
    expect(referenceProblems(welcome, found(["mpromo_1"], [["mseg_vip", "static"]]))).toEqual([])
  })

  it.each<[string, ReturnType<typeof found>, ReturnType<typeof located>]>([
    [
      "a promotion that does not exist",
      found([], [["mseg_vip", "static"]]),
      [{ code: "unknown_promotion", path: ["graph", "steps", stepIndex("code"), "promotion_id"], step_id: "code" }],
    ],
    [
      "a segment that does not exist",
      found(["mpromo_1"], []),
      [{ code: "unknown_segment", path: ["graph", "steps", stepIndex("to_vip"), "segment_id"], step_id: "to_vip" }],
    ],
    [
      "a live segment",
      found(["mpromo_1"], [["mseg_vip", "live"]]),
      [{ code: "segment_not_static", path: ["graph", "steps", stepIndex("to_vip"), "segment_id"], step_id: "to_vip" }],
    ],
    [
      "both missing",
      found([], []),
      [
        { code: "unknown_promotion", path: ["graph", "steps", stepIndex("code"), "promotion_id"], step_id: "code" },
        { code: "unknown_segment", path: ["graph", "steps", stepIndex("to_vip"), "segment_id"], step_id: "to_vip" },
      ],
    ],
  ])("locates %s at its step", (_, records, expected) => {
    expect(located(referenceProblems(welcome, records))).toEqual(expected)
  })

  it("says which step and which record in the message", () => {
    const [problem] = referenceProblems(welcome, found(["mpromo_1"], [["mseg_vip", "live"]]))
    expect(problem.message).toBe("Step 'to_vip': the segment 'mseg_vip' is live: only a static segment's members can be added or removed")
  })
})
