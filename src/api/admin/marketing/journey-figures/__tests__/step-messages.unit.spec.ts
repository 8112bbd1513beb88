import { sendSteps } from "../step-messages"

describe("sendSteps", () => {
  it("lists each journey's send steps once across its versions, and no other kind of step", () => {
    const graph = (...steps: [string, string][]) => ({ start: steps[0][0], steps: steps.map(([id, kind]) => ({ id, kind })), edges: [] })
    expect(
      sendSteps([
        { journey_id: "j1", graph: graph(["hello", "send"], ["wait", "wait"]) },
        { journey_id: "j1", graph: graph(["hello", "send"], ["reminder", "send"]) },
        { journey_id: "j2", graph: graph(["hello", "send"], ["tag", "update_contact"]) },
        { journey_id: "j3", graph: null },
      ])
    ).toEqual([
      { journey_id: "j1", step_id: "hello" },
      { journey_id: "j1", step_id: "reminder" },
      { journey_id: "j2", step_id: "hello" },
    ])
  })
})
