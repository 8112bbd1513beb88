import { indexGraph, IndexedGraph, reachableFrom, requiresEveryOutcome, stepOutcomes } from "./journey-graph"
import { JourneyDefinition, Step } from "./journey-schema"

export const JourneyProblemCode = {
  /** The definition does not have the journey's shape (a missing field, a wrong type). */
  INVALID_SHAPE: "invalid_shape",
  DUPLICATE_STEP: "duplicate_step",
  /** The start, an edge or a message reference names a step the graph does not have. */
  UNKNOWN_STEP: "unknown_step",
  UNREACHABLE_STEP: "unreachable_step",
  /** Steps that lead back to themselves with no wait between: an enrollment would loop forever at once. */
  CYCLE_WITHOUT_WAIT: "cycle_without_wait",
  SEND_WITHOUT_CONTENT: "send_without_content",
  /** An event wait without a timeout could hold an enrollment forever. */
  WAIT_WITHOUT_LIMIT: "wait_without_limit",
  /** A branch, split or event wait with an outcome that leads nowhere. */
  MISSING_OUTCOME: "missing_outcome",
  /** An edge leaves a step by an outcome the step does not have (an exit step has none). */
  UNKNOWN_OUTCOME: "unknown_outcome",
  /** Two edges leave one step by the same outcome. */
  DUPLICATE_OUTCOME: "duplicate_outcome",
  SPLIT_NOT_100: "split_not_100",
  DUPLICATE_SPLIT_KEY: "duplicate_split_key",
  /** An engagement branch or wait that names a step which is not a send before it, or opens of an SMS or push. */
  INVALID_MESSAGE_REFERENCE: "invalid_message_reference",
  /** A filter, goal or branch condition in the segment language that does not compile. */
  INVALID_CONDITION: "invalid_condition",
  /** Checked at publishing against the stored records (journey-references.ts). */
  UNKNOWN_PROMOTION: "unknown_promotion",
  UNKNOWN_SEGMENT: "unknown_segment",
  /** A membership step on a live segment, whose members its condition decides. */
  SEGMENT_NOT_STATIC: "segment_not_static",
} as const
export type JourneyProblemCode = (typeof JourneyProblemCode)[keyof typeof JourneyProblemCode]

/** One thing that keeps a journey from going live, located for the canvas. */
export interface JourneyProblem {
  code: JourneyProblemCode
  message: string
  /** Where in the definition, e.g. ["graph", "steps", 3, "body"]. */
  path: (string | number)[]
  /** The step concerned, when there is one. */
  step_id?: string
  /** For an invalid condition: where in its text, when the compiler says. */
  line?: number
  column?: number
}

/**
 * Compiles segment DSL text, throwing an error (with `line` and `column` when it knows them)
 * when it does not compile: the audience module's `compileSegmentDsl`, passed in so that
 * validation stays pure.
 */
export type ConditionCompiler = (dsl: string) => unknown

export type JourneyValidation =
  | { valid: true; definition: JourneyDefinition; problems: [] }
  | { valid: false; definition: JourneyDefinition | null; problems: JourneyProblem[] }

/** Checks whether a journey can go live: its shape first, then the graph, contents and conditions. */
export function validateJourney(input: unknown, compileCondition: ConditionCompiler): JourneyValidation {
  const parsed = JourneyDefinition.safeParse(input)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      code: JourneyProblemCode.INVALID_SHAPE,
      message: `${issue.path.join(".") || "journey"}: ${issue.message}`,
      path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
    }))
    return { valid: false, definition: null, problems }
  }
  const definition = parsed.data
  const problems = [...graphProblems(definition), ...conditionProblems(definition, compileCondition)]
  return problems.length ? { valid: false, definition, problems } : { valid: true, definition, problems: [] }
}

const stepPath = (index: number, ...rest: (string | number)[]) => ["graph", "steps", index, ...rest]

function graphProblems({ graph }: JourneyDefinition): JourneyProblem[] {
  const problems: JourneyProblem[] = []
  const indexed = indexGraph(graph)
  const positions = new Map<string, number>()
  graph.steps.forEach((step, index) => {
    if (positions.has(step.id)) {
      problems.push({ code: "duplicate_step", message: `Step '${step.id}' is defined twice`, path: stepPath(index, "id"), step_id: step.id })
    } else positions.set(step.id, index)
  })
  if (!indexed.steps.has(graph.start)) {
    problems.push({ code: "unknown_step", message: `The start step '${graph.start}' does not exist`, path: ["graph", "start"] })
  }
  problems.push(...edgeProblems(graph.edges, indexed))
  const reachable = reachableFrom(indexed, graph.start)
  for (const [id, step] of indexed.steps) {
    const index = positions.get(id)!
    if (!reachable.has(id)) {
      problems.push({ code: "unreachable_step", message: `Step '${id}' cannot be reached from the start`, path: stepPath(index), step_id: id })
    }
    problems.push(...stepProblems(step, index, indexed))
  }
  problems.push(...cyclesWithoutWait(indexed, positions))
  return problems
}

function edgeProblems(edges: JourneyDefinition["graph"]["edges"], graph: IndexedGraph): JourneyProblem[] {
  const problems: JourneyProblem[] = []
  const used = new Set<string>()
  edges.forEach((edge, index) => {
    const path = ["graph", "edges", index]
    for (const end of ["from", "to"] as const) {
      if (!graph.steps.has(edge[end])) {
        problems.push({ code: "unknown_step", message: `Edge ${index + 1} ${end === "from" ? "leaves" : "leads to"} an unknown step '${edge[end]}'`, path: [...path, end] })
      }
    }
    const from = graph.steps.get(edge.from)
    if (!from) return
    if (!stepOutcomes(from).includes(edge.outcome)) {
      const outcomes = stepOutcomes(from)
      const allowed = outcomes.length ? `; it has ${outcomes.map((o) => `'${o}'`).join(", ")}` : "; an exit step ends the journey"
      problems.push({ code: "unknown_outcome", message: `Step '${edge.from}' has no outcome '${edge.outcome}'${allowed}`, path: [...path, "outcome"], step_id: edge.from })
    }
    const key = `${edge.from}\u0000${edge.outcome}`
    if (used.has(key)) {
      problems.push({ code: "duplicate_outcome", message: `Step '${edge.from}' has more than one edge for '${edge.outcome}'`, path, step_id: edge.from })
    }
    used.add(key)
  })
  return problems
}

function stepProblems(step: Step, index: number, graph: IndexedGraph): JourneyProblem[] {
  const problems: JourneyProblem[] = []
  const at = (code: JourneyProblemCode, message: string, ...rest: (string | number)[]) =>
    problems.push({ code, message: `Step '${step.id}': ${message}`, path: stepPath(index, ...rest), step_id: step.id })
  if (requiresEveryOutcome(step)) {
    for (const outcome of stepOutcomes(step)) {
      if (!graph.exits.get(step.id)?.has(outcome)) at("missing_outcome", `outcome '${outcome}' leads nowhere`)
    }
  }
  switch (step.kind) {
    case "send": {
      if (!step.body.trim()) at("send_without_content", "the message has no body", "body")
      if (step.channel === "email" && !step.subject?.trim()) at("send_without_content", "the email has no subject", "subject")
      break
    }
    case "wait": {
      if (step.wait.type !== "event") break
      if (!step.wait.timeout) at("wait_without_limit", "waiting for an event needs a timeout", "wait", "timeout")
      if (step.wait.event.type === "message_opened" || step.wait.event.type === "message_clicked") {
        const engagement = step.wait.event.type === "message_opened" ? "opened" : "clicked"
        const problem = messageReferenceProblem(graph, step.id, step.wait.event.step_id, engagement)
        if (problem) at("invalid_message_reference", problem, "wait", "event", "step_id")
      }
      break
    }
    case "branch": {
      if (step.condition.type !== "engagement") break
      const problem = messageReferenceProblem(graph, step.id, step.condition.step_id, step.condition.engagement)
      if (problem) at("invalid_message_reference", problem, "condition", "step_id")
      break
    }
    case "split": {
      const total = step.branches.reduce((sum, branch) => sum + branch.percent, 0)
      if (total !== 100) at("split_not_100", `the percentages add up to ${total}, not 100`, "branches")
      const keys = new Set<string>()
      step.branches.forEach((branch, branchIndex) => {
        if (keys.has(branch.key)) at("duplicate_split_key", `branch '${branch.key}' is named twice`, "branches", branchIndex, "key")
        keys.add(branch.key)
      })
      break
    }
  }
  return problems
}

/** Why `referenced` cannot be the message whose engagement step `from` looks at, or null. */
function messageReferenceProblem(graph: IndexedGraph, from: string, referenced: string, engagement: "opened" | "clicked") {
  const send = graph.steps.get(referenced)
  if (!send) return `refers to an unknown step '${referenced}'`
  if (send.kind !== "send") return `'${referenced}' is not a send step`
  if (referenced === from || !reachableFrom(graph, referenced).has(from)) return `'${referenced}' does not come before it`
  if (engagement === "opened" && send.channel !== "email") return `opens are tracked for emails only, and '${referenced}' sends ${send.channel === "sms" ? "an SMS" : "a push"}`
  return null
}

/**
 * Cycles among steps that are not waits (a wait's edges are what makes a loop take time), found
 * as the strongly connected components of that part of the graph (Tarjan).
 */
function cyclesWithoutWait(graph: IndexedGraph, positions: Map<string, number>): JourneyProblem[] {
  const successors = (id: string) =>
    graph.steps.get(id)?.kind === "wait"
      ? []
      : [...(graph.exits.get(id)?.values() ?? [])].filter((to) => graph.steps.has(to))
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (id: string) => {
    order.set(id, order.size)
    low.set(id, order.get(id)!)
    stack.push(id)
    onStack.add(id)
    for (const to of successors(id)) {
      if (!order.has(to)) {
        visit(to)
        low.set(id, Math.min(low.get(id)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(id, Math.min(low.get(id)!, order.get(to)!))
    }
    if (low.get(id) !== order.get(id)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== id)
    if (component.length > 1 || successors(id).includes(id)) cycles.push(component.reverse())
  }
  for (const id of graph.steps.keys()) if (!order.has(id)) visit(id)
  return cycles.map((steps) => ({
    code: "cycle_without_wait",
    message: `Steps ${steps.map((id) => `'${id}'`).join(", ")} lead back to each other without a wait`,
    path: ["graph", "steps", positions.get(steps[0])!],
    step_id: steps[0],
  }))
}

function conditionProblems(definition: JourneyDefinition, compile: ConditionCompiler): JourneyProblem[] {
  const conditions: { text: string | null; path: (string | number)[]; step_id?: string; what: string }[] = [
    { text: definition.trigger.filter, path: ["trigger", "filter"], what: "The trigger's filter" },
    { text: definition.goal?.filter ?? null, path: ["goal", "filter"], what: "The goal's filter" },
  ]
  definition.graph.steps.forEach((step, index) => {
    if (step.kind === "branch" && step.condition.type === "segment_condition") {
      conditions.push({ text: step.condition.condition, path: stepPath(index, "condition", "condition"), step_id: step.id, what: `Step '${step.id}''s condition` })
    }
  })
  const problems: JourneyProblem[] = []
  for (const { text, path, step_id, what } of conditions) {
    if (text === null) continue
    try {
      compile(text)
    } catch (error) {
      const { message, line, column } = error as { message?: string; line?: unknown; column?: unknown }
      problems.push({
        code: "invalid_condition",
        message: `${what} does not compile: ${message ?? String(error)}`,
        path,
        ...(step_id ? { step_id } : {}),
        ...(typeof line === "number" && typeof column === "number" ? { line, column } : {}),
      })
    }
  }
  return problems
}
