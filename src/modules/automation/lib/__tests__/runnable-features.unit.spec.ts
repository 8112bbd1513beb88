import { JourneyDefinition } from "../journey-schema"
import { unsupportedFeatures } from "../runnable-features"
import { parseJourney, welcomeJourney } from "./fixtures"

describe("unsupportedFeatures", () => {
  it("accepts every step kind, event waits included", () => {
    expect(unsupportedFeatures(parseJourney(welcomeJourney()))).toEqual([])
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
