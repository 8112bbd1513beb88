import { JourneyDefinition } from "../journey-schema"
import { unsupportedFeatures } from "../runnable-features"
import { parseJourney, welcomeJourney } from "./fixtures"

describe("unsupportedFeatures", () => {
  it("names each step the worker cannot run yet, and event waits, where they stand", () => {
    const found = unsupportedFeatures(parseJourney(welcomeJourney()))
    expect(found.map(({ step_id, path }) => ({ step_id, path }))).toEqual([
      { step_id: "code", path: ["graph", "steps", 7, "kind"] },
      { step_id: "tag", path: ["graph", "steps", 8, "kind"] },
      { step_id: "await_order", path: ["graph", "steps", 10, "wait", "type"] },
      { step_id: "thanks", path: ["graph", "steps", 11, "kind"] },
      { step_id: "to_vip", path: ["graph", "steps", 13, "kind"] },
    ])
    expect(found[0].message).toContain("'issue_code' is not supported yet")
  })

  it("accepts sends, waits, branches, splits and exits on the three triggers it enrols from", () => {
    const runnable = (kind: "order.placed" | "customer.created" | "custom.event"): JourneyDefinition =>
      parseJourney({
        trigger: kind === "custom.event" ? { kind, name: "viewed" } : { kind },
        graph: {
          start: "hello",
          steps: [
            { id: "hello", kind: "send", channel: "email", subject: "Hi", body: "<p>Hi</p>" },
            { id: "later", kind: "wait", wait: { type: "time_of_day", time: "09:00" } },
            { id: "ab", kind: "split", branches: [{ key: "a", percent: 50 }, { key: "b", percent: 50 }] },
            { id: "rich", kind: "branch", condition: { type: "segment_condition", condition: "total_spent > 5" } },
            { id: "done", kind: "exit" },
          ],
          edges: [
            { from: "hello", to: "later" },
            { from: "later", to: "ab" },
            { from: "ab", to: "rich", outcome: "a" },
            { from: "ab", to: "done", outcome: "b" },
            { from: "rich", to: "done", outcome: "yes" },
            { from: "rich", to: "done", outcome: "no" },
          ],
        },
      })
    for (const kind of ["order.placed", "customer.created", "custom.event"] as const) expect(unsupportedFeatures(runnable(kind))).toEqual([])
  })

  it("accepts every trigger kind: each has its subscriber or job", () => {
    const triggers = [
      { kind: "newsletter.confirmed" },
      { kind: "cart.abandoned", idle_minutes: 60 },
      { kind: "segment.entered", segment_id: "mseg_1" },
      { kind: "segment.left", segment_id: "mseg_1" },
      { kind: "date", date: { field: "first_order_at", offset_days: 30 } },
      { kind: "message.event", event: "clicked" },
    ]
    for (const trigger of triggers) {
      expect(unsupportedFeatures(parseJourney({ ...welcomeJourney(), trigger })).filter((f) => f.path[0] === "trigger")).toEqual([])
    }
  })
})
