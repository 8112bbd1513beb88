import { EnrollmentState, RUNNING_ENROLLMENT_STATES } from "../../../types/automation"
import type { EntryRule } from "./journey-schema"

const DAY_MS = 24 * 60 * 60 * 1000

/** A contact's earlier enrollment in the same journey (any version). */
export interface PreviousEnrollment {
  state: EnrollmentState
  entered_at: Date
}

export type EntryDecision =
  | { enter: true }
  | { enter: false; reason: "already_running" }
  | { enter: false; reason: "entered_before" }
  /** Once per period: the contact may enter again from `retry_after`. */
  | { enter: false; reason: "entered_recently"; retry_after: Date }

/** Whether a trigger enrols the contact now, given the journey's entry rule and its earlier enrollments. */
export function decideEntry(rule: EntryRule, previous: PreviousEnrollment[], now: Date): EntryDecision {
  if (previous.some((enrollment) => RUNNING_ENROLLMENT_STATES.includes(enrollment.state))) {
    return { enter: false, reason: "already_running" }
  }
  switch (rule.frequency) {
    case "every_time":
      return { enter: true }
    case "once":
      return previous.length ? { enter: false, reason: "entered_before" } : { enter: true }
    case "once_per_period": {
      const latest = Math.max(...previous.map((enrollment) => enrollment.entered_at.getTime()))
      const retryAfter = latest + rule.days * DAY_MS
      return previous.length && retryAfter > now.getTime()
        ? { enter: false, reason: "entered_recently", retry_after: new Date(retryAfter) }
        : { enter: true }
    }
  }
}
