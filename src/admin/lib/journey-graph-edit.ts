import { stepOutcomes } from "../../modules/automation/lib/journey-graph"
import type { Edge, JourneyDefinition, Step, StepKind } from "../../modules/automation/lib/journey-schema"
import { newStep } from "./journey-display"

/** The canvas's node for the trigger: edges out of it set where the journey starts. */
export const TRIGGER_NODE_ID = "__trigger"

type Graph = JourneyDefinition["graph"]
const withGraph = (definition: JourneyDefinition, graph: Graph): JourneyDefinition => ({ ...definition, graph })

/** `kind_1`, `kind_2`, …: the first id of the kind the graph does not use. */
export function freeStepId(graph: Graph, kind: StepKind): string {
  const used = new Set(graph.steps.map((step) => step.id))
  let n = 1
  while (used.has(`${kind}_${n}`)) n++
  return `${kind}_${n}`
}

/**
 * Puts a new step after `from` (a step, or the trigger) on its `outcome`: between it and the step that
 * outcome led to, which the new step then leads to by its first way on.
 */
export function addStepAfter(definition: JourneyDefinition, from: string, outcome: string, kind: StepKind): { definition: JourneyDefinition; id: string } {
  const { graph } = definition
  const id = freeStepId(graph, kind)
  const step = newStep(kind, id)
  const [onward] = stepOutcomes(step)
  const before = from === TRIGGER_NODE_ID ? graph.start : graph.edges.find((e) => e.from === from && e.outcome === outcome)?.to
  const edges = graph.edges.filter((e) => !(e.from === from && e.outcome === outcome))
  if (from !== TRIGGER_NODE_ID) edges.push({ from, to: id, outcome })
  if (before && onward && graph.steps.some((s) => s.id === before)) edges.push({ from: id, to: before, outcome: onward })
  const start = from === TRIGGER_NODE_ID || !graph.steps.length ? id : graph.start
  return { definition: withGraph(definition, { start, steps: [...graph.steps, step], edges }), id }
}

/**
 * Removes a step and its edges. A step with one way on is bridged: what led to it leads to its
 * successor instead, and when it was the start, its successor starts the journey.
 */
export function deleteStep(definition: JourneyDefinition, id: string): JourneyDefinition {
  const { graph } = definition
  const step = graph.steps.find((s) => s.id === id)
  if (!step) return definition
  const outgoing = graph.edges.filter((e) => e.from === id)
  const successor = stepOutcomes(step).length === 1 ? outgoing[0]?.to : undefined
  const edges: Edge[] = []
  for (const edge of graph.edges) {
    if (edge.from === id) continue
    if (edge.to !== id) edges.push(edge)
    else if (successor && successor !== id) edges.push({ ...edge, to: successor })
  }
  const steps = graph.steps.filter((s) => s.id !== id)
  const start = graph.start !== id ? graph.start : successor ?? outgoing[0]?.to ?? steps[0]?.id ?? graph.start
  return withGraph(definition, { start, steps, edges })
}

/** Leads `from`'s `outcome` to `to` (replacing where it led); from the trigger, `to` becomes the start. */
export function connect(definition: JourneyDefinition, from: string, outcome: string, to: string): JourneyDefinition {
  const { graph } = definition
  if (from === TRIGGER_NODE_ID) return withGraph(definition, { ...graph, start: to })
  const edges = graph.edges.filter((e) => !(e.from === from && e.outcome === outcome))
  return withGraph(definition, { ...graph, edges: [...edges, { from, to, outcome }] })
}

export function disconnect(definition: JourneyDefinition, from: string, outcome: string): JourneyDefinition {
  const { graph } = definition
  return withGraph(definition, { ...graph, edges: graph.edges.filter((e) => !(e.from === from && e.outcome === outcome)) })
}

/** Replaces a step's settings; edges of outcomes it no longer has (a renamed split branch) follow `renamed`. */
export function updateStep(definition: JourneyDefinition, step: Step, renamed: Record<string, string> = {}): JourneyDefinition {
  const { graph } = definition
  const edges = graph.edges.map((e) => (e.from === step.id && renamed[e.outcome] ? { ...e, outcome: renamed[e.outcome] } : e))
  return withGraph(definition, { ...graph, steps: graph.steps.map((s) => (s.id === step.id ? step : s)), edges })
}

export const NODE_WIDTH = 260
const COLUMN_GAP = 40
const ROW_HEIGHT = 170

/**
 * Where each node goes: the trigger on top, each step one row below the first step that leads to it
 * (breadth first from the start), side by side in the order of their parents' outcomes; steps nothing
 * reaches go in a last row. The definition stores no positions: the layout follows the graph.
 */
export function layoutJourney(definition: JourneyDefinition): Map<string, { x: number; y: number }> {
  const { graph } = definition
  const byId = new Map(graph.steps.map((s) => [s.id, s]))
  const rows: string[][] = []
  const placed = new Set<string>()
  let current = byId.has(graph.start) ? [graph.start] : []
  current.forEach((id) => placed.add(id))
  while (current.length) {
    rows.push(current)
    const next: string[] = []
    for (const id of current) {
      const step = byId.get(id)!
      for (const outcome of stepOutcomes(step)) {
        const to = graph.edges.find((e) => e.from === id && e.outcome === outcome)?.to
        if (to && byId.has(to) && !placed.has(to)) {
          placed.add(to)
          next.push(to)
        }
      }
    }
    current = next
  }
  const unreached = graph.steps.map((s) => s.id).filter((id) => !placed.has(id))
  if (unreached.length) rows.push(unreached)
  const positions = new Map<string, { x: number; y: number }>()
  const rowX = (count: number, index: number) => (index - (count - 1) / 2) * (NODE_WIDTH + COLUMN_GAP)
  positions.set(TRIGGER_NODE_ID, { x: rowX(1, 0), y: 0 })
  rows.forEach((row, depth) => row.forEach((id, index) => positions.set(id, { x: rowX(row.length, index), y: (depth + 1) * ROW_HEIGHT })))
  return positions
}
