import { advance, eventWaitBegan } from "../advance"
import type { StepOf } from "../journey-schema"
import { arriving, NOW, prepared } from "./fixtures"

const journey = prepared()
const stepOf = (id: string) => journey.graph.steps.get(id) as StepOf<"wait">

describe("eventWaitBegan", () => {
  it("is the moment the evaluator parked the enrollment: its wait's end less the timeout", () => {
    const parked = advance(journey, arriving("await_order"), {}, NOW)
    expect(parked.type).toBe("wait")
    const until = (parked as { until: Date }).until
    expect(eventWaitBegan(stepOf("await_order"), until)).toEqual(NOW)
  })

  it("refuses a wait that does not wait for an event", () => {
    expect(() => eventWaitBegan(stepOf("two_days"), NOW)).toThrow("not an event wait")
  })
})
