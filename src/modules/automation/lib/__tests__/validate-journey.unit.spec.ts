import { compileSegmentDsl } from "../../../audience/lib/segment-dsl/compile"
import { JourneyDefinitionInput } from "../journey-schema"
import { JourneyProblem, validateJourney } from "../validate-journey"
import { welcomeJourney } from "./fixtures"

type Change = (journey: JourneyDefinitionInput) => void
type StepInput = JourneyDefinitionInput["graph"]["steps"][number]
type WaitInput = Extract<StepInput, { kind: "wait" }>["wait"]

const changed = (change: Change) => {
  const journey = welcomeJourney()
  change(journey)
  return journey
}
/** What the fixture becomes when changed past what the schema's types allow: the validator takes unknown input. */
const malformed = (change: (journey: JourneyDefinitionInput) => object) => change(welcomeJourney())
/** The fixture's step of that id, which must be of that kind. */
const step = <Kind extends StepInput["kind"]>(journey: JourneyDefinitionInput, id: string, kind: Kind) => {
  const found = journey.graph.steps.find((s) => s.id === id)
  if (found?.kind !== kind) throw new Error(`the fixture has no ${kind} step '${id}'`)
  return found as Extract<StepInput, { kind: Kind }>
}
/** The wait of the fixture's wait step of that id, which must be of that type. */
const waitOf = <Type extends WaitInput["type"]>(journey: JourneyDefinitionInput, id: string, type: Type) => {
  const { wait } = step(journey, id, "wait")
  if (wait.type !== type) throw new Error(`the fixture's wait '${id}' is not a ${type} wait`)
  return wait as Extract<WaitInput, { type: Type }>
}
const validate = (journey: unknown) => validateJourney(journey, compileSegmentDsl)
const located = (problems: JourneyProblem[]) => problems.map(({ code, path, step_id }) => ({ code, path, ...(step_id ? { step_id } : {}) }))

describe("validateJourney", () => {
  it("accepts a journey with every kind of step and fills in the defaults", () => {
    const result = validate(welcomeJourney())
    expect(result.problems).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.definition?.exit).toEqual({ when_unsubscribed: false, when_left_segment: null })
    expect(result.definition?.graph.edges[0].outcome).toBe("next")
  })

  it.each<[string, Change]>([
    ["a loop that passes a wait", (j) => j.graph.edges.push({ from: "tag", to: "two_days" })],
    ["a linear step without an edge (the journey ends there)", (j) => (j.graph.edges = j.graph.edges.filter((e) => e.from !== "thanks"))],
    ["a click branch on an SMS sent before it", (j) => (step(j, "vip", "branch").condition = { type: "engagement", step_id: "reminder", engagement: "clicked" })],
    ["waiting for a click of an earlier email", (j) => (waitOf(j, "await_order", "event").event = { type: "message_clicked", step_id: "offer" })],
    ["a split with a 0% branch", (j) => (step(j, "ab", "split").branches = [{ key: "a", percent: 0 }, { key: "b", percent: 100 }])],
    ["no trigger filter", (j) => (j.trigger = { kind: "order.placed" })],
  ])("accepts %s", (_, change) => {
    expect(validate(changed(change)).problems).toEqual([])
  })

  const S = (index: number, ...rest: (string | number)[]) => ["graph", "steps", index, ...rest]
  it.each<[string, Change, ReturnType<typeof located>]>([
    [
      "an unreachable step",
      (j) => j.graph.steps.push({ id: "orphan", kind: "exit" }),
      [{ code: "unreachable_step", path: S(15), step_id: "orphan" }],
    ],
    [
      "a cycle without a wait",
      (j) => j.graph.edges.push({ from: "tag", to: "ab" }),
      [{ code: "cycle_without_wait", path: S(6), step_id: "ab" }],
    ],
    [
      "a step that leads to itself",
      (j) => j.graph.edges.push({ from: "tag", to: "tag" }),
      [{ code: "cycle_without_wait", path: S(8), step_id: "tag" }],
    ],
    [
      "an email without body or subject",
      (j) => Object.assign(step(j, "welcome", "send"), { body: "  ", subject: null }),
      [
        { code: "send_without_content", path: S(0, "body"), step_id: "welcome" },
        { code: "send_without_content", path: S(0, "subject"), step_id: "welcome" },
      ],
    ],
    [
      "an SMS without a body",
      (j) => (step(j, "reminder", "send").body = ""),
      [{ code: "send_without_content", path: S(5, "body"), step_id: "reminder" }],
    ],
    [
      "an event wait without a timeout",
      (j) => (waitOf(j, "await_order", "event").timeout = null),
      [{ code: "wait_without_limit", path: S(10, "wait", "timeout"), step_id: "await_order" }],
    ],
    [
      "a branch missing its 'no' edge",
      (j) => (j.graph.edges = j.graph.edges.filter((e) => !(e.from === "vip" && e.outcome === "no"))),
      [{ code: "missing_outcome", path: S(12), step_id: "vip" }],
    ],
    [
      "an event wait missing its timeout edge",
      (j) => (j.graph.edges = j.graph.edges.filter((e) => !(e.from === "await_order" && e.outcome === "timeout"))),
      [
        { code: "missing_outcome", path: S(10), step_id: "await_order" },
        { code: "unreachable_step", path: S(12), step_id: "vip" },
        { code: "unreachable_step", path: S(13), step_id: "to_vip" },
      ],
    ],
    [
      "a split branch without an edge",
      (j) => (step(j, "ab", "split").branches = [{ key: "a", percent: 30 }, { key: "b", percent: 60 }, { key: "c", percent: 10 }]),
      [{ code: "missing_outcome", path: S(6), step_id: "ab" }],
    ],
    [
      "split percentages that do not add up to 100",
      (j) => (step(j, "ab", "split").branches = [{ key: "a", percent: 30 }, { key: "b", percent: 60 }]),
      [{ code: "split_not_100", path: S(6, "branches"), step_id: "ab" }],
    ],
    [
      "a split key named twice",
      (j) => (step(j, "ab", "split").branches = [{ key: "a", percent: 30 }, { key: "a", percent: 70 }]),
      [
        { code: "unknown_outcome", path: ["graph", "edges", 9, "outcome"], step_id: "ab" },
        { code: "duplicate_split_key", path: S(6, "branches", 1, "key"), step_id: "ab" },
      ],
    ],
    [
      "an edge with an outcome its step does not have",
      (j) => j.graph.edges.push({ from: "welcome", to: "done", outcome: "yes" }),
      [{ code: "unknown_outcome", path: ["graph", "edges", 18, "outcome"], step_id: "welcome" }],
    ],
    [
      "an edge out of an exit step",
      (j) => j.graph.edges.push({ from: "done", to: "welcome" }),
      [{ code: "unknown_outcome", path: ["graph", "edges", 18, "outcome"], step_id: "done" }],
    ],
    [
      "two edges for one outcome",
      (j) => j.graph.edges.push({ from: "vip", to: "to_vip", outcome: "no" }),
      [{ code: "duplicate_outcome", path: ["graph", "edges", 18], step_id: "vip" }],
    ],
    [
      "an edge to an unknown step",
      (j) => (j.graph.edges.find((e) => e.from === "thanks")!.to = "nowhere"),
      [{ code: "unknown_step", path: ["graph", "edges", 14, "to"] }],
    ],
    [
      "an edge from an unknown step",
      (j) => j.graph.edges.push({ from: "nowhere", to: "done" }),
      [{ code: "unknown_step", path: ["graph", "edges", 18, "from"] }],
    ],
    [
      "a step id used twice",
      (j) => j.graph.steps.push({ id: "done", kind: "exit" }),
      [{ code: "duplicate_step", path: S(15, "id"), step_id: "done" }],
    ],
    [
      "an open branch on an SMS",
      (j) => (step(j, "vip", "branch").condition = { type: "engagement", step_id: "reminder", engagement: "opened" }),
      [{ code: "invalid_message_reference", path: S(12, "condition", "step_id"), step_id: "vip" }],
    ],
    [
      "an engagement branch on a later send",
      (j) => (step(j, "opened", "branch").condition = { type: "engagement", step_id: "offer", engagement: "clicked" }),
      [{ code: "invalid_message_reference", path: S(3, "condition", "step_id"), step_id: "opened" }],
    ],
    [
      "an engagement branch on itself",
      (j) => (step(j, "opened", "branch").condition = { type: "engagement", step_id: "opened", engagement: "clicked" }),
      [{ code: "invalid_message_reference", path: S(3, "condition", "step_id"), step_id: "opened" }],
    ],
    [
      "an engagement branch on a step that sends nothing",
      (j) => (step(j, "opened", "branch").condition = { type: "engagement", step_id: "two_days", engagement: "clicked" }),
      [{ code: "invalid_message_reference", path: S(3, "condition", "step_id"), step_id: "opened" }],
    ],
    [
      "a wait for a click of an unknown step",
      (j) => (waitOf(j, "await_order", "event").event = { type: "message_clicked", step_id: "ghost" }),
      [{ code: "invalid_message_reference", path: S(10, "wait", "event", "step_id"), step_id: "await_order" }],
    ],
    [
      "a branch condition that does not compile",
      (j) => (step(j, "vip", "branch").condition = { type: "segment_condition", condition: "total_spent >" }),
      [{ code: "invalid_condition", path: S(12, "condition", "condition"), step_id: "vip" }],
    ],
    [
      "a goal filter that does not compile",
      (j) => (j.goal = { kind: "order_placed", filter: "orders_count = 'many'" }),
      [{ code: "invalid_condition", path: ["goal", "filter"] }],
    ],
  ])("reports %s", (_, change, expected) => {
    const result = validate(changed(change))
    expect(result.valid).toBe(false)
    expect(located(result.problems)).toEqual(expected)
    for (const problem of result.problems) expect(problem.message).toMatch(/\w/)
  })

  it("reports an unknown start and every step it leaves unreachable", () => {
    const result = validate(changed((j) => (j.graph.start = "nowhere")))
    expect(located(result.problems)[0]).toEqual({ code: "unknown_step", path: ["graph", "start"] })
    expect(result.problems.filter((p) => p.code === "unreachable_step")).toHaveLength(15)
  })

  it("says where in its text a trigger filter fails, as the compiler does", () => {
    const result = validate(changed((j) => (j.trigger = { kind: "order.placed", filter: "country = 'DE' AND\n  total_spent >" })))
    expect(result.problems).toEqual([
      expect.objectContaining({ code: "invalid_condition", path: ["trigger", "filter"], line: 2, column: 16 }),
    ])
    expect(result.problems[0].message).toMatch(/^The trigger's filter does not compile: Line 2, column 16/)
  })

  it("names the cycle's steps", () => {
    const [problem] = validate(changed((j) => j.graph.edges.push({ from: "tag", to: "ab" }))).problems
    expect(problem.message).toBe("Steps 'ab', 'tag' lead back to each other without a wait")
  })

  it.each<[string, unknown, (string | number)[]]>([
    ["an unknown step kind", malformed((j) => ({ ...j, graph: { ...j.graph, steps: [...j.graph.steps, { id: "x", kind: "teleport" }] } })), ["graph", "steps", 15, "kind"]],
    ["a wait of zero days", changed((j) => (waitOf(j, "two_days", "duration").duration.amount = 0)), S(1, "wait", "duration", "amount")],
    ["a step id with a colon", changed((j) => (step(j, "done", "exit").id = "a:b")), S(14, "id")],
    ["an abandoned-cart trigger without its idle time", malformed((j) => ({ ...j, trigger: { kind: "cart.abandoned" } })), ["trigger", "idle_minutes"]],
    ["a webhook to a non-http URL", changed((j) => (step(j, "thanks", "webhook").url = "ftp://example.com/x")), S(11, "url")],
    ["a time of day that is not HH:MM", changed((j) => (waitOf(j, "morning", "time_of_day").time = "9am")), S(4, "wait", "time")],
    ["no journey at all", null, []],
  ])("refuses %s as a shape problem, located", (_, input, path) => {
    const result = validate(input)
    expect(result.valid).toBe(false)
    expect(result.definition).toBeNull()
    expect(result.problems).toEqual([expect.objectContaining({ code: "invalid_shape", path })])
  })
})
