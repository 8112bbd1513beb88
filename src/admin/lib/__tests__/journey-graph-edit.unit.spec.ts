import type { JourneyDefinition } from "../../../modules/automation/lib/journey-schema"
import { addStepAfter, connect, deleteStep, disconnect, freeStepId, layoutJourney, TRIGGER_NODE_ID, updateStep } from "../journey-graph-edit"

const wait = (id: string) => ({ id, kind: "wait" as const, name: null, wait: { type: "duration" as const, duration: { amount: 1, unit: "days" as const } } })
const exit = (id: string) => ({ id, kind: "exit" as const, name: null })
const branch = (id: string) => ({ id, kind: "branch" as const, name: null, condition: { type: "purchased_since_entry" as const } })

/** trigger → a (wait) → b (branch) yes→ c (exit), no→ d (exit) */
const journey = (): JourneyDefinition => ({
  trigger: { kind: "order.placed", filter: null },
  entry: { frequency: "once" },
  goal: null,
  exit: { when_unsubscribed: true, when_left_segment: null },
  graph: {
    start: "a",
    steps: [wait("a"), branch("b"), exit("c"), exit("d")],
    edges: [
      { from: "a", to: "b", outcome: "next" },
      { from: "b", to: "c", outcome: "yes" },
      { from: "b", to: "d", outcome: "no" },
    ],
  },
})

describe("journey graph edits", () => {
  it("names a new step after its kind, with the first number free", () => {
    const j = journey()
    expect(freeStepId(j.graph, "wait")).toBe("wait_1")
    j.graph.steps.push(wait("wait_1"))
    expect(freeStepId(j.graph, "wait")).toBe("wait_2")
  })

  it("puts a step between a node and where its outcome led", () => {
    const { definition, id } = addStepAfter(journey(), "b", "no", "wait")
    expect(id).toBe("wait_1")
    expect(definition.graph.edges).toEqual(
      expect.arrayContaining([
        { from: "b", to: "wait_1", outcome: "no" },
        { from: "wait_1", to: "d", outcome: "next" },
      ])
    )
    expect(definition.graph.edges.filter((e) => e.from === "b" && e.outcome === "no")).toHaveLength(1)
  })

  it("puts a step first when added after the trigger, leading to the old start", () => {
    const { definition, id } = addStepAfter(journey(), TRIGGER_NODE_ID, "next", "send")
    expect(definition.graph.start).toBe(id)
    expect(definition.graph.edges).toContainEqual({ from: id, to: "a", outcome: "next" })
  })

  it("adds an exit after a step without leading on from it", () => {
    const { definition, id } = addStepAfter(journey(), "a", "next", "exit")
    expect(definition.graph.edges).toContainEqual({ from: "a", to: id, outcome: "next" })
    expect(definition.graph.edges.some((e) => e.from === id)).toBe(false)
  })

  it("bridges a deleted step with one way on, and moves the start past it", () => {
    const deleted = deleteStep(journey(), "a")
    expect(deleted.graph.start).toBe("b")
    expect(deleted.graph.steps.map((s) => s.id)).toEqual(["b", "c", "d"])
    const withWaitBetween = addStepAfter(journey(), "a", "next", "wait").definition
    expect(deleteStep(withWaitBetween, "wait_1").graph.edges).toContainEqual({ from: "a", to: "b", outcome: "next" })
  })

  it("drops the edges of a deleted branch without bridging", () => {
    const deleted = deleteStep(journey(), "b")
    expect(deleted.graph.edges).toEqual([])
  })

  it("connects an outcome anew, replacing where it led; from the trigger it moves the start", () => {
    expect(connect(journey(), "b", "yes", "d").graph.edges).toContainEqual({ from: "b", to: "d", outcome: "yes" })
    expect(connect(journey(), "b", "yes", "d").graph.edges.filter((e) => e.from === "b")).toHaveLength(2)
    expect(connect(journey(), TRIGGER_NODE_ID, "next", "b").graph.start).toBe("b")
    expect(disconnect(journey(), "b", "no").graph.edges).toHaveLength(2)
  })

  it("keeps a renamed split branch's edge", () => {
    const j = journey()
    j.graph.steps[1] = { id: "b", kind: "split", name: null, branches: [{ key: "a", percent: 50 }, { key: "b", percent: 50 }] }
    j.graph.edges = [{ from: "b", to: "c", outcome: "a" }, { from: "b", to: "d", outcome: "b" }]
    const renamed = updateStep(j, { ...j.graph.steps[1], branches: [{ key: "x", percent: 50 }, { key: "b", percent: 50 }] } as any, { a: "x" })
    expect(renamed.graph.edges).toEqual([{ from: "b", to: "c", outcome: "x" }, { from: "b", to: "d", outcome: "b" }])
  })

  it("lays the trigger on top, each step a row below the first that leads to it, the unreached last", () => {
    const j = journey()
    j.graph.steps.push(exit("lost"))
    const positions = layoutJourney(j)
    const row = (id: string) => positions.get(id)!.y
    expect(row(TRIGGER_NODE_ID)).toBeLessThan(row("a"))
    expect(row("a")).toBeLessThan(row("b"))
    expect(row("c")).toBe(row("d"))
    expect(positions.get("c")!.x).toBeLessThan(positions.get("d")!.x)
    expect(row("lost")).toBeGreaterThan(row("c"))
  })
})
