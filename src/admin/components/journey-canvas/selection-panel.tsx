import { Button, Heading, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { stepOutcomes } from "../../../modules/automation/lib/journey-graph"
import type { JourneyDefinition, Step, StepKind } from "../../../modules/automation/lib/journey-schema"
import { outcomeLabel, STEP_KINDS } from "../../lib/journey-display"
import { TRIGGER_NODE_ID } from "../../lib/journey-graph-edit"
import type { JourneyProblem } from "../../types/journeys"
import { FormField } from "../common/form-field"
import type { CanvasSelection } from "./journey-canvas"
import { ChoiceField } from "./settings-fields"
import { StepSettings } from "./step-settings"
import { TriggerSettings } from "./trigger-settings"

interface SelectionPanelProps {
  definition: JourneyDefinition
  selection: CanvasSelection
  problems: JourneyProblem[]
  onChange: (definition: JourneyDefinition) => void
  onChangeStep: (step: Step, renamed?: Record<string, string>) => void
  onAddStep: (from: string, outcome: string, kind: StepKind) => void
  onDeleteStep: (id: string) => void
  onDisconnect: (from: string, outcome: string) => void
}

/** The side panel: the selected node's settings and what can be done from it, or the selected edge. */
export const SelectionPanel = ({ definition, selection, problems, onChange, onChangeStep, onAddStep, onDeleteStep, onDisconnect }: SelectionPanelProps) => {
  const { graph } = definition
  if (!selection) {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Select the trigger or a step to edit it, or an arrow to remove it. Drag from a step's lower handle to another step to
        connect them.
      </Text>
    )
  }
  if (selection.type === "edge") {
    const from = graph.steps.find((s) => s.id === selection.from)
    const to = graph.edges.find((e) => e.from === selection.from && e.outcome === selection.outcome)?.to
    return (
      <div className="flex flex-col gap-y-4">
        <Heading level="h2">Connection</Heading>
        <Text size="small">
          From {from?.name ?? selection.from}
          {selection.outcome !== "next" && ` (${outcomeLabel(from, selection.outcome)})`} to {to}
        </Text>
        <Button size="small" variant="secondary" onClick={() => onDisconnect(selection.from, selection.outcome)}>
          Remove connection
        </Button>
      </div>
    )
  }
  if (selection.id === TRIGGER_NODE_ID) {
    return (
      <div className="flex flex-col gap-y-4">
        <Heading level="h2">Trigger and rules</Heading>
        <TriggerSettings definition={definition} problems={problems.filter((p) => !p.step_id)} onChange={onChange} />
        <AddStepAfter from={TRIGGER_NODE_ID} outcomes={["next"]} onAdd={onAddStep} />
      </div>
    )
  }
  const step = graph.steps.find((s) => s.id === selection.id)
  if (!step) return null
  return (
    <div className="flex flex-col gap-y-4">
      <Heading level="h2">{STEP_KINDS[step.kind].label}</Heading>
      <StepSettings step={step} definition={definition} problems={problems.filter((p) => p.step_id === step.id)} onChange={onChangeStep} />
      {stepOutcomes(step).length > 0 && <AddStepAfter key={step.id} from={step.id} outcomes={stepOutcomes(step)} step={step} onAdd={onAddStep} />}
      <Button size="small" variant="danger" disabled={graph.steps.length <= 1} onClick={() => onDeleteStep(step.id)}>
        Delete step
      </Button>
    </div>
  )
}

/** Puts a new step after this one (between it and where the chosen outcome leads). */
const AddStepAfter = ({ from, outcomes, step, onAdd }: { from: string; outcomes: string[]; step?: Step; onAdd: SelectionPanelProps["onAddStep"] }) => {
  const [kind, setKind] = useState<StepKind>("wait")
  const [outcome, setOutcome] = useState(outcomes[0])
  const choices = Object.fromEntries(outcomes.map((o) => [o, outcomeLabel(step, o) ?? "Next"])) as Record<string, string>
  return (
    <div className="flex flex-col gap-y-2 border-t pt-4">
      <FormField label="New step">
        {(control) => (
          <Select value={kind} onValueChange={(value) => setKind(value as StepKind)}>
            <Select.Trigger {...control}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {(Object.keys(STEP_KINDS) as StepKind[]).map((k) => (
                <Select.Item key={k} value={k}>
                  {STEP_KINDS[k].label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </FormField>
      {outcomes.length > 1 && <ChoiceField label="On the way" value={outcome} choices={choices} onChange={setOutcome} />}
      <Button size="small" variant="secondary" onClick={() => onAdd(from, outcomes.includes(outcome) ? outcome : outcomes[0], kind)}>
        Add step after
      </Button>
    </div>
  )
}
