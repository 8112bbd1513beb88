import type { JourneyGraph, Step } from "./journey-schema"

/** The ways a step can be left, each of which wants one edge; an exit step has none. */
export function stepOutcomes(step: Step): string[] {
  switch (step.kind) {
    case "wait":
      return step.wait.type === "event" ? ["event", "timeout"] : ["next"]
    case "branch":
      return ["yes", "no"]
    case "split":
      return step.branches.map((branch) => branch.key)
    case "exit":
      return []
    default:
      return ["next"]
  }
}

/** Branching steps must say where every outcome goes; a step with one way on may end the journey instead. */
export const requiresEveryOutcome = (step: Step) =>
  step.kind === "branch" || step.kind === "split" || (step.kind === "wait" && step.wait.type === "event")

/** A graph looked up by step: its steps by id and, per step, where each outcome leads. */
export interface IndexedGraph {
  start: string
  steps: Map<string, Step>
  exits: Map<string, Map<string, string>>
}

/** Indexes a graph; of duplicate steps or edges the first wins (validation reports the rest). */
export function indexGraph(graph: JourneyGraph): IndexedGraph {
  const steps = new Map<string, Step>()
  for (const step of graph.steps) if (!steps.has(step.id)) steps.set(step.id, step)
  const exits = new Map<string, Map<string, string>>()
  for (const edge of graph.edges) {
    const outcomes = exits.get(edge.from) ?? new Map<string, string>()
    if (!outcomes.has(edge.outcome)) outcomes.set(edge.outcome, edge.to)
    exits.set(edge.from, outcomes)
  }
  return { start: graph.start, steps, exits }
}

/** The step an outcome leads to, or null when the journey ends there. */
export const stepAfter = (graph: IndexedGraph, stepId: string, outcome: string): string | null =>
  graph.exits.get(stepId)?.get(outcome) ?? null

/** Every step an enrollment can reach from `from` (including it), following edges to known steps. */
export function reachableFrom(graph: IndexedGraph, from: string): Set<string> {
  const seen = new Set<string>()
  const pending = graph.steps.has(from) ? [from] : []
  while (pending.length) {
    const id = pending.pop()!
    if (seen.has(id)) continue
    seen.add(id)
    for (const to of graph.exits.get(id)?.values() ?? []) if (graph.steps.has(to) && !seen.has(to)) pending.push(to)
  }
  return seen
}
