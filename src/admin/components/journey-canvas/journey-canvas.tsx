import { Background, Controls, Edge as FlowEdge, MarkerType, ReactFlow } from "@xyflow/react"
import "@xyflow/react/dist/style.css"
import { useMemo } from "react"
import type { JourneyDefinition } from "../../../modules/automation/lib/journey-schema"
import type { JourneyStepFigures } from "../../../types/http/automation"
import { outcomeLabel } from "../../lib/journey-display"
import { layoutJourney, TRIGGER_NODE_ID } from "../../lib/journey-graph-edit"
import type { JourneyProblem } from "../../types/journeys"
import { NODE_TYPES, StepNode, TriggerNode } from "./journey-nodes"

/** What the side panel shows: the trigger, a step, or an edge. */
export type CanvasSelection = { type: "node"; id: string } | { type: "edge"; from: string; outcome: string } | null

interface JourneyCanvasProps {
  definition: JourneyDefinition
  figures: Map<string, JourneyStepFigures>
  problems: JourneyProblem[]
  testedSteps: Set<string>
  selection: CanvasSelection
  onSelect: (selection: CanvasSelection) => void
  /** Absent for a version shown read-only: nothing can be connected. */
  onConnect?: (from: string, outcome: string, to: string) => void
}

const edgeId = (from: string, outcome: string) => `${from}\u0000${outcome}`
const FIT_VIEW_OPTIONS = { maxZoom: 1 }

/**
 * The journey as a graph: the trigger on top, a node per step with its figures and problems, an edge
 * per outcome labelled as it reads (Yes/No, Event/Timeout, a split's share). Dragging from an outcome's
 * handle to a step connects them; the layout follows the graph, so nodes are not dragged.
 */
export const JourneyCanvas = ({ definition, figures, problems, testedSteps, selection, onSelect, onConnect }: JourneyCanvasProps) => {
  const { graph } = definition
  const nodes = useMemo(() => {
    const positions = layoutJourney(definition)
    const stepIds = new Set(graph.steps.map((s) => s.id))
    const isSelected = (id: string) => selection?.type === "node" && selection.id === id
    const trigger: TriggerNode = {
      id: TRIGGER_NODE_ID,
      type: "trigger",
      position: positions.get(TRIGGER_NODE_ID)!,
      selected: isSelected(TRIGGER_NODE_ID),
      deletable: false,
      data: { trigger: definition.trigger, problems: problems.filter((p) => !p.step_id || !stepIds.has(p.step_id)) },
    }
    const steps: StepNode[] = graph.steps.map((step) => ({
      id: step.id,
      type: "step",
      position: positions.get(step.id) ?? { x: 0, y: 0 },
      selected: isSelected(step.id),
      data: {
        step,
        isStart: graph.start === step.id,
        figures: figures.get(step.id) ?? null,
        problems: problems.filter((p) => p.step_id === step.id),
        tested: testedSteps.has(step.id),
      },
    }))
    return [trigger, ...steps]
  }, [definition, graph, figures, problems, testedSteps, selection])

  const edges = useMemo(() => {
    const byId = new Map(graph.steps.map((s) => [s.id, s]))
    const marker = { type: MarkerType.ArrowClosed }
    const start: FlowEdge[] = byId.has(graph.start)
      ? [{ id: "__start", source: TRIGGER_NODE_ID, sourceHandle: "next", target: graph.start, markerEnd: marker, deletable: false }]
      : []
    return [
      ...start,
      ...graph.edges
        .filter((e) => byId.has(e.from) && byId.has(e.to))
        .map(
          (e): FlowEdge => ({
            id: edgeId(e.from, e.outcome),
            source: e.from,
            sourceHandle: e.outcome,
            target: e.to,
            label: outcomeLabel(byId.get(e.from), e.outcome),
            markerEnd: marker,
            selected: selection?.type === "edge" && edgeId(selection.from, selection.outcome) === edgeId(e.from, e.outcome),
            data: { from: e.from, outcome: e.outcome },
          })
        ),
    ]
  }, [graph, selection])

  return (
    <ReactFlow
      // A step added or deleted draws the flow anew, fitted to the canvas, so that no step is left outside it.
      key={graph.steps.length}
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      nodesDraggable={false}
      deleteKeyCode={null}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
      onNodeClick={(_, node) => onSelect({ type: "node", id: node.id })}
      onEdgeClick={(_, edge) => edge.data && onSelect({ type: "edge", from: edge.data.from as string, outcome: edge.data.outcome as string })}
      onPaneClick={() => onSelect(null)}
      nodesConnectable={Boolean(onConnect)}
      onConnect={({ source, sourceHandle, target }) => target !== TRIGGER_NODE_ID && onConnect?.(source, sourceHandle ?? "next", target)}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  )
}
