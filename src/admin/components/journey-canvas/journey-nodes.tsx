import { Badge, clx, Text } from "@medusajs/ui"
import { Handle, Node, NodeProps, Position } from "@xyflow/react"
import { stepOutcomes } from "../../../modules/automation/lib/journey-graph"
import type { Step, Trigger } from "../../../modules/automation/lib/journey-schema"
import type { JourneyStepFigures } from "../../../types/http/automation"
import { formatNumber } from "../../lib/format"
import { describeStep, describeTrigger, outcomeLabel, STEP_KINDS } from "../../lib/journey-display"
import { NODE_WIDTH } from "../../lib/journey-graph-edit"
import type { JourneyProblem } from "../../types/journeys"

export type TriggerNodeData = { trigger: Trigger; problems: JourneyProblem[] }
export type StepNodeData = {
  step: Step
  isStart: boolean
  figures: JourneyStepFigures | null
  problems: JourneyProblem[]
  /** On the path of the last test run. */
  tested: boolean
}
export type TriggerNode = Node<TriggerNodeData, "trigger">
export type StepNode = Node<StepNodeData, "step">

const Problems = ({ problems }: { problems: JourneyProblem[] }) =>
  problems.length ? (
    <ul className="mt-2 flex flex-col gap-y-1" aria-label="Problems">
      {problems.map((problem, index) => (
        <li key={index}>
          <Text size="xsmall" className="text-ui-fg-error">
            {problem.message}
          </Text>
        </li>
      ))}
    </ul>
  ) : null

const frame = (selected: boolean, problems: JourneyProblem[], tested = false) =>
  clx(
    "bg-ui-bg-base shadow-elevation-card-rest rounded-lg border px-3 py-2",
    problems.length && "border-ui-border-error",
    tested && "ring-ui-fg-interactive ring-2",
    selected && "shadow-borders-interactive-with-active"
  )

export const TriggerNodeView = ({ data, selected }: NodeProps<TriggerNode>) => (
  <div className={frame(selected, data.problems)} style={{ width: NODE_WIDTH }}>
    <Badge size="2xsmall" color="purple">
      Trigger
    </Badge>
    <Text size="small" weight="plus" className="mt-1">
      {describeTrigger(data.trigger)}
    </Text>
    {data.trigger.filter && (
      <Text size="xsmall" className="text-ui-fg-subtle truncate font-mono">
        {data.trigger.filter}
      </Text>
    )}
    <Problems problems={data.problems} />
    <Handle type="source" position={Position.Bottom} id="next" />
  </div>
)

export const StepNodeView = ({ data, selected }: NodeProps<StepNode>) => {
  const { step, figures, problems } = data
  const outcomes = stepOutcomes(step)
  return (
    <div className={frame(selected, problems, data.tested)} style={{ width: NODE_WIDTH }} data-step-kind={step.kind}>
      <Handle type="target" position={Position.Top} />
      <div className="flex items-center justify-between gap-x-2">
        <Badge size="2xsmall" color={step.kind === "exit" ? "grey" : step.kind === "send" ? "blue" : "orange"}>
          {STEP_KINDS[step.kind].label}
        </Badge>
        {figures && (
          <Text size="xsmall" className="text-ui-fg-subtle" data-testid="step-figures">
            {formatNumber(figures.at)} here · {formatNumber(figures.passed)} passed{figures.failed ? ` · ${formatNumber(figures.failed)} failed` : ""}
          </Text>
        )}
      </div>
      <Text size="small" weight="plus" className="mt-1 truncate">
        {step.name ?? step.id}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle truncate">
        {describeStep(step)}
      </Text>
      <Problems problems={problems} />
      {outcomes.length > 1 && (
        <div className="mt-2 flex justify-around">
          {outcomes.map((outcome) => (
            <Text key={outcome} size="xsmall" className="text-ui-fg-muted">
              {outcomeLabel(step, outcome)}
            </Text>
          ))}
        </div>
      )}
      {outcomes.map((outcome, index) => (
        <Handle
          key={outcome}
          type="source"
          position={Position.Bottom}
          id={outcome}
          style={{ left: `${((index + 1) / (outcomes.length + 1)) * 100}%` }}
        />
      ))}
    </div>
  )
}

export const NODE_TYPES = { trigger: TriggerNodeView, step: StepNodeView }
