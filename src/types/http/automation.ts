import type { StepKind } from "../../modules/automation/lib/journey-schema"

/** Where a journey's enrollments stand at one step: the canvas shows these on the step's node. */
export interface JourneyStepFigures {
  step_id: string
  /** Running enrollments standing at the step (due, or waiting there). */
  at: number
  /** Enrollments that failed at the step. */
  failed: number
  /** Times an enrollment left the step (a loop counts each pass). */
  passed: number
  /** What the step's messages did, from the analytics rollup (current within about a minute; zeros for a step that sends nothing). */
  messages: JourneyStepMessageFigures
}

/** A journey step's messages: people counted once per message; orders credited to them by last click. */
export interface JourneyStepMessageFigures {
  sent: number
  delivered: number
  opened: number
  clicked: number
  unsubscribed: number
  orders: number
}

/** `GET /admin/marketing/journey-figures`: one journey's headline figures and its steps'. */
export interface JourneyFigures {
  journey_id: string
  enrolled: number
  running: number
  converted: number
  completed: number
  exited: number
  failed: number
  steps: JourneyStepFigures[]
}

/** The automation module's part of the figures: where enrollments stand, without the messages' figures. */
export type JourneyStanding = Omit<JourneyFigures, "steps"> & { steps: Omit<JourneyStepFigures, "messages">[] }

/** One step of a test run (`POST /admin/marketing/journeys/:id/test-runs`): how the contact left it, and what it did or would have done. */
export interface DryRunStep {
  step_id: string
  kind: StepKind
  /** The way on ("next", "yes", a split key, "timeout"), or null where the journey ended. */
  outcome: string | null
  /** A wait: when the contact would have gone on (the run skips ahead to it). */
  waited_until?: string
  /** A send: the message as the contact receives it, or why it does not reach them. */
  message?: {
    channel: string
    to: string | null
    preview: { subject: string | null; html: string | null; text: string; sms: { characters: number; segments: number; encoding: string } | null } | null
    /** Nothing would be sent: no address, no consent, or suppressed. */
    unreachable?: boolean
    /** The template does not render. */
    error?: string
    /** The test send of the message, when it went out: its message, and how its provider answered. */
    sent?: { message_id: string; status: string; error: string | null }
  }
  /** Any other action (issue a code, update the contact, ...), as it would be carried out. */
  action?: { type: string } & Record<string, unknown>
  /** Where the journey ended: completed, converted or exited, and why. */
  ended?: { state: string; reason: string }
}
