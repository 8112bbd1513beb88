export const journeyFields = ["id", "name", "description", "status", "live_version_id", "trigger_kind", "created_by", "created_at", "updated_at"]
/** One journey with its versions' definitions: the draft the canvas edits and the live one. */
export const journeyDetailFields = [
  ...journeyFields,
  "versions.id",
  "versions.number",
  "versions.trigger",
  "versions.graph",
  "versions.entry",
  "versions.goal",
  "versions.exit",
  "versions.published_at",
  "versions.published_by",
]
export const enrollmentFields = [
  "id",
  "journey_id",
  "version_id",
  "contact_id",
  "state",
  "step_id",
  "sequence",
  "due_at",
  "attempts",
  "last_error",
  "entered_at",
  "ended_at",
  "converted_order_id",
  "revenue",
  "currency_code",
]

export const listJourneysQueryConfig = { defaults: journeyFields, isList: true }
export const retrieveJourneyQueryConfig = { defaults: journeyDetailFields, isList: false }
export const listEnrollmentsQueryConfig = { defaults: enrollmentFields, isList: true }
