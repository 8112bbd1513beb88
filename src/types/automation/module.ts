export const JourneyStatus = {
  /** Being built: nothing enrols. */
  DRAFT: "draft",
  /** Its live version enrols contacts and running enrollments advance. */
  LIVE: "live",
  /** Nothing enrols and nothing advances; enrollments keep their place until it is live again. */
  PAUSED: "paused",
  /** Retired for good: running enrollments are exited. */
  ARCHIVED: "archived",
} as const
export type JourneyStatus = (typeof JourneyStatus)[keyof typeof JourneyStatus]

export const EnrollmentState = {
  /** Due to run its current step now (or being run by a worker). */
  ACTIVE: "active",
  /** Parked at a wait until `due_at` (or until the event it waits for wakes it). */
  WAITING: "waiting",
  /** Walked off the end of its graph or reached an exit step. */
  COMPLETED: "completed",
  /** Reached the journey's goal, e.g. placed an order. */
  CONVERTED: "converted",
  /** Removed by an exit condition: unsubscribed, left the segment, journey archived. */
  EXITED: "exited",
  /** A step kept failing; `last_error` says why. */
  FAILED: "failed",
} as const
export type EnrollmentState = (typeof EnrollmentState)[keyof typeof EnrollmentState]

/** The states of an enrollment still under way: at most one per contact and journey. */
export const RUNNING_ENROLLMENT_STATES: readonly EnrollmentState[] = [EnrollmentState.ACTIVE, EnrollmentState.WAITING]

export const JourneyEvents = {
  /** Enrollments became due now (new ones, or woken ones): the journey worker runs before its next minute. */
  ENROLLMENTS_DUE: "marketing.journey.enrollments_due",
} as const
