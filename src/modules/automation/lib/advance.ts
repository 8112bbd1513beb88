import { indexGraph, IndexedGraph, stepAfter } from "./journey-graph"
import type { Duration, ExitRules, Goal, JourneyDefinition, Step, StepOf } from "./journey-schema"
import { nextTimeOfDay } from "./next-time-of-day"
import { splitBranchAt, splitBucket } from "./split-bucket"
import { stepRunKey } from "./step-run-key"

/** A journey version ready to evaluate: its graph indexed, its goal and exit rules. */
export interface PreparedJourney {
  graph: IndexedGraph
  goal: Goal | null
  exit: ExitRules
}

export const prepareJourney = (definition: JourneyDefinition): PreparedJourney => ({
  graph: indexGraph(definition.graph),
  goal: definition.goal,
  exit: definition.exit,
})

/** Where an enrollment stands: the few columns of its row the evaluator reads. */
export interface EnrollmentPosition {
  journey_id: string
  enrollment_id: string
  contact_id: string
  entered_at: Date
  step_id: string
  /** Steps taken before this one; tells apart two visits of a step in a loop. */
  sequence: number
  /** While it waits at this step, until when (its due time); null when it has just arrived. */
  waiting_until: Date | null
}

/** An order that meets the journey's goal, placed since the contact entered. */
export interface GoalOrder {
  id: string
  revenue: number
  currency_code: string
}

/**
 * What the worker looked up for one evaluation. Only the facts `requiredFacts` names are read,
 * and each of those must be present.
 */
export interface StepFacts {
  /** A goal order placed since entry, or null. */
  goal_order?: GoalOrder | null
  /** Whether the contact unsubscribed (or was suppressed) since entry. */
  unsubscribed?: boolean
  /** Whether the contact is out of the exit rules' segment. */
  left_segment?: boolean
  /** A condition branch: its segment condition evaluated for the contact now. */
  condition?: boolean
  /** An engagement branch: the referenced step's message; null when none was sent (consent, suppression, cap). */
  engagement?: { opened: boolean; clicked: boolean } | null
  /** A purchase branch: whether the contact ordered since entering. */
  purchased_since_entry?: boolean
  /** A waiting event wait: whether its event happened since it began waiting. */
  awaited_event?: boolean
  /** A time-of-day wait: the contact's IANA timezone, else the store's. */
  timezone?: string
}
export type FactName = keyof StepFacts

/** What a step does, carried out by the worker with the step run's idempotency key. */
export type StepAction =
  | { type: "send"; channel: StepOf<"send">["channel"]; subject: string | null; body: string }
  | { type: "issue_code"; promotion_id: string }
  | { type: "update_contact"; add_tags: string[]; remove_tags: string[]; set_attributes: Record<string, string | number | boolean | null> }
  | { type: "segment_membership"; segment_id: string; operation: "add" | "remove" }
  | { type: "webhook"; url: string }

export type EndReason = "exit_step" | "goal_reached" | "unsubscribed" | "left_segment"

/**
 * The result of evaluating an enrollment's current step. `to: null` means the journey ends
 * after this step (completed).
 * - wait: stay at the step, waiting, due at `until`;
 * - move: go on at once by `outcome`;
 * - act: do `action` (idempotently, under `idempotency_key`), then go on;
 * - end: the enrollment ends in `state`.
 */
export type Advance =
  | { type: "wait"; until: Date }
  | { type: "move"; outcome: string; to: string | null }
  | { type: "act"; action: StepAction; idempotency_key: string; outcome: "next"; to: string | null }
  | { type: "end"; state: "completed"; reason: "exit_step" }
  | { type: "end"; state: "converted"; reason: "goal_reached"; order: GoalOrder }
  | { type: "end"; state: "exited"; reason: "unsubscribed" | "left_segment" }

export class MissingFactError extends Error {
  constructor(fact: FactName, stepId: string) {
    super(`step '${stepId}' needs the fact '${fact}', which was not given`)
    this.name = "MissingFactError"
  }
}

const MINUTE_MS = 60_000
const UNIT_MS: Record<Duration["unit"], number> = {
  minutes: MINUTE_MS,
  hours: 60 * MINUTE_MS,
  days: 24 * 60 * MINUTE_MS,
  weeks: 7 * 24 * 60 * MINUTE_MS,
}
export const durationMs = (duration: Duration) => duration.amount * UNIT_MS[duration.unit]

/**
 * When the event wait the enrollment stands at began: its end less its timeout (the evaluator set
 * that end on arrival, and a published version never changes). Orders and custom events count from
 * then; a message's open or click counts whenever it came, since the message is the enrollment's own.
 */
export function eventWaitBegan(step: StepOf<"wait">, waitingUntil: Date): Date {
  if (step.wait.type !== "event" || !step.wait.timeout) throw new Error(`step '${step.id}' is not an event wait with a timeout`)
  return new Date(waitingUntil.getTime() - durationMs(step.wait.timeout))
}

/** The facts `advance` will read for this position: the worker looks up these and no others. */
export function requiredFacts(journey: PreparedJourney, position: EnrollmentPosition): FactName[] {
  const facts: FactName[] = []
  if (journey.goal) facts.push("goal_order")
  if (journey.exit.when_unsubscribed) facts.push("unsubscribed")
  if (journey.exit.when_left_segment) facts.push("left_segment")
  const step = stepAt(journey, position)
  if (step.kind === "branch") {
    const byCondition = { segment_condition: "condition", engagement: "engagement", purchased_since_entry: "purchased_since_entry" } as const
    facts.push(byCondition[step.condition.type])
  }
  if (step.kind === "wait") {
    if (step.wait.type === "time_of_day" && position.waiting_until === null) facts.push("timezone")
    if (step.wait.type === "event" && position.waiting_until !== null) facts.push("awaited_event")
  }
  return facts
}

/**
 * Evaluates the enrollment's current step at `now`: the step evaluator. Pure; the worker
 * applies the result (moves the row, queues the message, ...) and calls again while the
 * enrollment is due.
 */
export function advance(journey: PreparedJourney, position: EnrollmentPosition, facts: StepFacts, now: Date): Advance {
  const step = stepAt(journey, position)
  const fact = <Name extends FactName>(name: Name): NonNullable<StepFacts[Name]> | Extract<StepFacts[Name], null> => {
    if (facts[name] === undefined) throw new MissingFactError(name, step.id)
    return facts[name] as NonNullable<StepFacts[Name]>
  }
  if (journey.goal) {
    const order = fact("goal_order")
    if (order) return { type: "end", state: "converted", reason: "goal_reached", order }
  }
  if (journey.exit.when_unsubscribed && fact("unsubscribed")) return { type: "end", state: "exited", reason: "unsubscribed" }
  if (journey.exit.when_left_segment && fact("left_segment")) return { type: "end", state: "exited", reason: "left_segment" }

  const move = (outcome: string): Advance => ({ type: "move", outcome, to: stepAfter(journey.graph, step.id, outcome) })
  const act = (action: StepAction): Advance => ({
    type: "act",
    action,
    idempotency_key: stepRunKey(position.enrollment_id, step.id, position.sequence),
    outcome: "next",
    to: stepAfter(journey.graph, step.id, "next"),
  })

  switch (step.kind) {
    case "wait":
      return wait(step, position, now, fact, move)
    case "branch":
      return move(branchHolds(step, fact) ? "yes" : "no")
    case "split":
      return move(splitBranchAt(step.branches, splitBucket(position.journey_id, step.id, position.contact_id)))
    case "send":
      return act({ type: "send", channel: step.channel, subject: step.subject, body: step.body })
    case "issue_code":
      return act({ type: "issue_code", promotion_id: step.promotion_id })
    case "update_contact":
      return act({ type: "update_contact", add_tags: step.add_tags, remove_tags: step.remove_tags, set_attributes: step.set_attributes })
    case "segment_membership":
      return act({ type: "segment_membership", segment_id: step.segment_id, operation: step.operation })
    case "webhook":
      return act({ type: "webhook", url: step.url })
    case "exit":
      return { type: "end", state: "completed", reason: "exit_step" }
  }
}

function stepAt(journey: PreparedJourney, position: EnrollmentPosition): Step {
  const step = journey.graph.steps.get(position.step_id)
  if (!step) throw new Error(`the journey version has no step '${position.step_id}'`)
  return step
}

type FactReader = <Name extends FactName>(name: Name) => NonNullable<StepFacts[Name]> | Extract<StepFacts[Name], null>

function wait(step: StepOf<"wait">, position: EnrollmentPosition, now: Date, fact: FactReader, move: (outcome: string) => Advance): Advance {
  const { wait } = step
  if (position.waiting_until === null) {
    switch (wait.type) {
      case "duration":
        return { type: "wait", until: new Date(now.getTime() + durationMs(wait.duration)) }
      case "time_of_day":
        return { type: "wait", until: nextTimeOfDay(now, wait.time, fact("timezone")) }
      case "event":
        if (!wait.timeout) throw new Error(`step '${step.id}' waits for an event without a timeout`)
        return { type: "wait", until: new Date(now.getTime() + durationMs(wait.timeout)) }
    }
  }
  if (wait.type === "event" && fact("awaited_event")) return move("event")
  if (now.getTime() >= position.waiting_until.getTime()) return move(wait.type === "event" ? "timeout" : "next")
  // Woken before its time (e.g. by an event it does not wait for): it keeps waiting as it was.
  return { type: "wait", until: position.waiting_until }
}

function branchHolds(step: StepOf<"branch">, fact: FactReader): boolean {
  const { condition } = step
  switch (condition.type) {
    case "segment_condition":
      return fact("condition")
    case "purchased_since_entry":
      return fact("purchased_since_entry")
    case "engagement": {
      const message = fact("engagement")
      if (!message) return false
      // Clicking implies having opened: an email read with images blocked records no open.
      return condition.engagement === "clicked" ? message.clicked : message.opened || message.clicked
    }
  }
}
