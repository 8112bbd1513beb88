import { Alert, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMemo, useState } from "react"
import type { JourneyDefinition, Step, StepKind } from "../../../modules/automation/lib/journey-schema"
import { JourneyProblemsError, useJourneyStepFigures, usePublishJourney, useSaveJourneyDraft, useTransitionJourney } from "../../hooks/journeys"
import { formatDateTime, formatNumber } from "../../lib/format"
import { addStepAfter, connect, deleteStep, disconnect, updateStep } from "../../lib/journey-graph-edit"
import type { AdminJourney, AdminJourneyVersion, JourneyProblem } from "../../types/journeys"
import { JourneyStatusBadge } from "../journey-status-badge"
import { CanvasSelection, JourneyCanvas } from "./journey-canvas"
import { JourneyTestDrawer } from "./journey-test-drawer"
import { SelectionPanel } from "./selection-panel"

const definitionOf = ({ trigger, entry, goal, exit, graph }: AdminJourneyVersion): JourneyDefinition => ({ trigger, entry, goal, exit, graph })

/** The problems a refusal names; a refusal without them (a shape the server would not store) is one problem of the journey. */
const problemsOf = (error: Error): JourneyProblem[] =>
  error instanceof JourneyProblemsError && error.problems.length ? error.problems : [{ code: "invalid_shape", message: error.message, path: [] }]

interface JourneyEditorProps {
  journey: AdminJourney
  /** A past version shown on the canvas read-only instead of the draft, whose unsaved edits are kept meanwhile. */
  viewing: AdminJourneyVersion | null
  onStopViewing: () => void
}

/**
 * The journey builder: the canvas of the draft (or of the live version, until it is edited), the
 * selected node's settings beside it, and the journey's lifecycle: save the draft, publish it as a new
 * version, pause, resume, archive, test with a contact. Problems the server finds stay on their nodes
 * until the next save or publish.
 */
export const JourneyEditor = ({ journey, viewing, onStopViewing }: JourneyEditorProps) => {
  const versions = journey.versions ?? []
  const draft = versions.find((v) => !v.published_at)
  const live = versions.find((v) => v.id === journey.live_version_id)
  const [definition, setDefinition] = useState(() => definitionOf((draft ?? live ?? versions[0])!))
  const [dirty, setDirty] = useState(false)
  const [problems, setProblems] = useState<JourneyProblem[]>([])
  const [selection, setSelection] = useState<CanvasSelection>(null)
  const [testedSteps, setTestedSteps] = useState<Set<string>>(new Set())
  const [isTesting, setIsTesting] = useState(false)
  const figures = useJourneyStepFigures(journey.id)
  const stepFigures = useMemo(() => new Map(figures?.steps.map((s) => [s.step_id, s])), [figures])
  const save = useSaveJourneyDraft(journey.id)
  const publish = usePublishJourney(journey.id)
  const transition = useTransitionJourney(journey.id)
  const prompt = usePrompt()
  const archived = journey.status === "archived"

  const change = (next: JourneyDefinition) => {
    setDefinition(next)
    setDirty(true)
  }

  const saveDraft = async () => {
    try {
      await save.mutateAsync({ definition })
      setDirty(false)
      setProblems([])
    } catch (error) {
      setProblems(problemsOf(error as Error))
      throw error
    }
  }

  const publishNow = async () => {
    try {
      if (dirty || !draft) await saveDraft()
      const { journey: published } = await publish.mutateAsync()
      setProblems([])
      const number = published.versions?.find((v) => v.id === published.live_version_id)?.number
      toast.success(`Published${number ? ` as version ${number}` : ""}`)
    } catch (error) {
      setProblems(problemsOf(error as Error))
      toast.error("Could not publish", { description: "The problems are shown on their steps." })
    }
  }

  const run = async (to: "pause" | "resume" | "archive") => {
    if (to === "archive") {
      const confirmed = await prompt({
        title: "Archive journey?",
        description: `${journey.name} stops for good: nobody enters any more, and running enrollments are exited.`,
        confirmText: "Archive",
        cancelText: "Back",
      })
      if (!confirmed) return
    }
    transition.mutate(to, { onError: (error) => toast.error("Could not change the journey", { description: error.message }) })
  }

  const changeStep = (step: Step, renamed?: Record<string, string>) => change(updateStep(definition, step, renamed))
  const addStep = (from: string, outcome: string, kind: StepKind) => {
    const added = addStepAfter(definition, from, outcome, kind)
    change(added.definition)
    setSelection({ type: "node", id: added.id })
  }

  return (
    <Container className="flex flex-col divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading>{journey.name}</Heading>
            <JourneyStatusBadge status={journey.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle" data-testid="journey-versions">
            {[
              live ? `Live: version ${live.number}` : "Never published",
              draft || dirty ? `Draft${draft ? `: version ${draft.number}` : ""}${dirty ? " (unsaved changes)" : ""}` : null,
              figures ? `${formatNumber(figures.enrolled)} enrolled · ${formatNumber(figures.running)} active · ${formatNumber(figures.converted)} converted` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setIsTesting(true)}>
            Test
          </Button>
          <Button size="small" variant="secondary" disabled={!dirty || archived} isLoading={save.isPending} onClick={() => saveDraft().then(() => toast.success("Draft saved"), () => {})}>
            Save draft
          </Button>
          {journey.status === "live" && (
            <Button size="small" variant="secondary" isLoading={transition.isPending && transition.variables === "pause"} onClick={() => run("pause")}>
              Pause
            </Button>
          )}
          {journey.status === "paused" && (
            <Button size="small" variant="secondary" isLoading={transition.isPending && transition.variables === "resume"} onClick={() => run("resume")}>
              Resume
            </Button>
          )}
          {!archived && journey.status !== "draft" && (
            <Button size="small" variant="secondary" onClick={() => run("archive")}>
              Archive
            </Button>
          )}
          <Button size="small" disabled={archived || (!dirty && !draft)} isLoading={publish.isPending} onClick={publishNow}>
            Publish
          </Button>
        </div>
      </div>
      {problems.length > 0 && (
        <div className="px-6 py-4">
          <Alert variant="error" dismissible={false}>
            <Text size="small" weight="plus">
              {problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix, shown on the steps:
            </Text>
            <ul className="list-disc pl-4" aria-label="Journey problems">
              {problems.map((problem, index) => (
                <li key={index}>
                  <Text size="small">{problem.message}</Text>
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      {viewing && (
        <div className="px-6 py-4">
          <Alert variant="info" dismissible={false}>
            <div className="flex items-center justify-between gap-x-4">
              <Text size="small" data-testid="journey-viewing">
                Viewing version {viewing.number}
                {viewing.published_at ? `, published ${formatDateTime(viewing.published_at)}` : ""}: read-only.
              </Text>
              <Button size="small" variant="secondary" onClick={onStopViewing}>
                Back to editing
              </Button>
            </div>
          </Alert>
        </div>
      )}
      {viewing ? (
        <div className="h-[72vh] min-h-[640px]" aria-label="Journey canvas">
          <JourneyCanvas
            definition={definitionOf(viewing)}
            figures={stepFigures}
            problems={[]}
            testedSteps={new Set()}
            selection={null}
            onSelect={() => {}}
          />
        </div>
      ) : (
        <div className="flex min-h-[640px]">
          <div className="h-[72vh] min-h-[640px] flex-1" aria-label="Journey canvas">
            <JourneyCanvas
              definition={definition}
              figures={stepFigures}
              problems={problems}
              testedSteps={testedSteps}
              selection={selection}
              onSelect={setSelection}
              onConnect={(from, outcome, to) => change(connect(definition, from, outcome, to))}
            />
          </div>
          <aside className="w-[380px] shrink-0 overflow-y-auto border-l p-4" aria-label="Step settings" style={{ maxHeight: "72vh" }}>
            <SelectionPanel
              definition={definition}
              selection={selection}
              problems={problems}
              onChange={change}
              onChangeStep={changeStep}
              onAddStep={addStep}
              onDeleteStep={(id) => {
                change(deleteStep(definition, id))
                setSelection(null)
              }}
              onDisconnect={(from, outcome) => {
                change(disconnect(definition, from, outcome))
                setSelection(null)
              }}
            />
          </aside>
        </div>
      )}
      <JourneyTestDrawer
        open={isTesting}
        onOpenChange={setIsTesting}
        journeyId={journey.id}
        definition={definition}
        beforeTest={async () => {
          if (dirty) await saveDraft()
        }}
        onTested={(path, found) => {
          setTestedSteps(new Set(path.map((taken) => taken.step_id)))
          setProblems(found)
        }}
      />
    </Container>
  )
}
