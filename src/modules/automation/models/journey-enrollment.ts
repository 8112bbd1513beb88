import { model } from "@medusajs/framework/utils"
import { EnrollmentState } from "../../../types/automation"
import JourneyStepRun from "./journey-step-run"

/**
 * One run of one contact through one journey version. A million may wait at once, so the row
 * holds only its position and outcome: what each step did is in its step runs. Its one JSON, the
 * entering custom event's properties, is null for every other trigger and read only by the steps that use it.
 * Journey and version are plain ids (no foreign key index to keep up); the worker reads them
 * with the version it has cached.
 */
const JourneyEnrollment = model
  .define({ name: "JourneyEnrollment", tableName: "marketing_journey_enrollment" }, {
    id: model.id({ prefix: "mjenr" }).primaryKey(),
    journey_id: model.text(),
    version_id: model.text(),
    contact_id: model.text(),
    state: model.enum(EnrollmentState).default(EnrollmentState.ACTIVE),
    /** The step it stands at; null once it has ended. */
    step_id: model.text().nullable(),
    /** Steps taken so far: part of each step run's idempotency key, and the claim's guard against a stale move. */
    sequence: model.number().default(0),
    /** When it is next due: now for active ones, the wait's end for waiting ones (sooner when an event wakes it); null once ended. */
    due_at: model.dateTime().nullable(),
    /**
     * Until when a worker holds it (claimed). In no index, so that claiming is a HOT update that
     * writes no index entry; `due_at` stays as it was.
     */
    leased_until: model.dateTime().nullable(),
    /** While waiting, the wait's end: a wake-up brings `due_at` forward without ending a duration wait early. */
    waiting_until: model.dateTime().nullable(),
    /** Failed tries of the current step, for backoff; reset on each move. */
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    entered_at: model.dateTime(),
    ended_at: model.dateTime().nullable(),
    converted_order_id: model.text().nullable(),
    revenue: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    /** The properties of the custom event that enrolled it, for its messages (`event.<key>`) and webhooks; cleared by the contact's erasure. */
    event_properties: model.json().nullable(),
    step_runs: model.hasMany(() => JourneyStepRun, { mappedBy: "enrollment" }),
  })
  .indexes([
    // The claim: what is due, in order. Partial, so that ended enrollments drop out of it.
    { on: ["due_at"], where: "state IN ('active', 'waiting')" },
    // At most one running enrollment per contact and journey; also finds a contact's running ones.
    { on: ["contact_id", "journey_id"], unique: true, where: "state IN ('active', 'waiting')" },
    // The admin's reads of one journey's running enrollments: figures per step, archiving (bench:journeys).
    { on: ["journey_id", "state", "step_id"], where: "state IN ('active', 'waiting')" },
    // Entry rules read a contact's earlier enrollments: ended ones here, running ones by the index above.
    // Ended only, so that a claim or a step of a running one does not write an entry in it too (bench:journeys).
    { on: ["journey_id", "contact_id", "entered_at"], where: "state NOT IN ('active', 'waiting')" },
    // Outgoing webhooks read entries and conversions in the order they happened (modules/webhook/lib/fact-sources.ts).
    // entered_at never changes, so claims and moves stay HOT updates.
    { on: ["entered_at", "id"] },
    { on: ["ended_at", "id"], where: "state = 'converted'" },
    // A contact's erasure clears its entering events' properties: only enrollments holding some are in it.
    { on: ["contact_id"], where: "event_properties IS NOT NULL" },
  ])

export default JourneyEnrollment
