import { PgClient, pgConnection, pgStatement, pgTransaction, SqlContext } from "../../../lib/pg-transaction"
import { CLAIM_DUE_ENROLLMENTS_SQL } from "./claim-due-enrollments-sql"
import { EXIT_RUNNING_ENROLLMENTS_SQL } from "./journey-figures-sql"
import {
  EARLIEST_WAIT_END,
  ENROLL_CONTACTS,
  ENROLLMENT_SEND_CONTEXTS,
  ENTERING_EVENTS,
  ERASE_EVENT_PROPERTIES_OF_CONTACT,
  INSERT_AWAITED_EVENTS,
  INSERT_STEP_RUN,
  PRUNE_JOURNEY_EVENTS_BEFORE,
  RECORD_STEP_FAILURE,
  RECORD_STEPS,
  RELEASE_ENROLLMENT_LEASES,
  RUNNING_CART_ENROLLMENTS,
  UNERASE_EVENT_PROPERTIES,
  VERSION_DEFINITIONS,
  WAKE_WAITING_ENROLLMENTS,
} from "../statements/enrollments"

/*
 * Enrollments, a contact's way through a journey: entered, claimed by the worker under a lease, moved step by step
 * (each step's run recorded once), failed or retried, parked at waits and woken by the events they await, exited
 * when their journey is archived; and what their send steps say. The service's methods of the same names run these
 * in their context; what starts them is triggers.ts's.
 */

/** The columns of an enrollment the worker reads. */
export interface ClaimedEnrollment {
  id: string
  journey_id: string
  version_id: string
  contact_id: string
  state: string
  step_id: string
  sequence: number
  /** Its due time as claimed (the claim leaves it): later at the step's move means a wake-up came meanwhile. */
  due_at: Date
  /** A waiting enrollment's wait end. */
  waiting_until: Date | null
  attempts: number
  entered_at: Date
}

/** Where an enrollment goes after one step: on to a step, parked at a wait, or ended. */
export type EnrollmentMove =
  | { state: "active"; step_id: string; due_at: Date }
  | { state: "waiting"; step_id: string; due_at: Date }
  | { state: "completed" | "exited"; reason: string }
  | { state: "converted"; order_id: string; revenue: number; currency_code: string }

export interface RecordedStep {
  enrollment_id: string
  /** The enrollment's sequence when it was claimed: a move by a stale worker changes nothing. */
  sequence: number
  step_id: string
  outcome: string
  detail: Record<string, unknown> | null
  /** The step run's key; null records no step run (a wait that parks: leaving it is the run). */
  idempotency_key: string | null
  /** Whether the move takes a step (a wait that only parks stays at its sequence). */
  advances: boolean
  move: EnrollmentMove
  /** The enrollment's `due_at` when the worker claimed it: read by a wait that parks again. */
  claimed_due_at?: Date
}

export type StepRunRecord = Pick<RecordedStep, "enrollment_id" | "step_id" | "outcome" | "detail"> & { idempotency_key: string }

/** Custom event properties, as posted (see api/utils/journey-event). */
export type EventProperties = Record<string, unknown>

/** The custom event that enrolled an enrollment: its name, and its properties (empty when it had none). */
export type EnteringEvent = { name: string; properties: EventProperties }

export type EnrollmentEntry = {
  journey_id: string
  version_id: string
  contact_id: string
  step_id: string
  due_at?: Date | null
  /** The properties of the custom event that enrols it; none for other triggers. */
  event_properties?: EventProperties | null
}

/** An event an enrollment may wait for: an order, or a custom event by name. */
export type AwaitedEvent = { contact_id: string; type: "order_placed" | "custom_event"; name: string | null }

/** A journey message's content: its send step's, and the code an issue-code step of its enrollment gave last. */
export type JourneyMessageContent = {
  name: string
  subject: string | null
  body: string
  promotion_code: string | null
  /** The properties of the custom event that enrolled the enrollment, printed as `event.<key>`. */
  event_properties: EventProperties | null
}

/**
 * Starts these contacts on a version's first step, due now. A contact already running in the
 * journey is left out (the one-running unique index): two triggers at once enrol once.
 * Returns the enrollments made.
 */
export async function enroll(context: SqlContext, rows: EnrollmentEntry[]): Promise<{ id: string; journey_id: string; contact_id: string }[]> {
  if (!rows.length) return []
  const column = (key: "journey_id" | "version_id" | "contact_id" | "step_id") => rows.map((row) => row[key])
  const { rows: created } = await pgStatement(context, ENROLL_CONTACTS, [
    column("journey_id"),
    column("version_id"),
    column("contact_id"),
    column("step_id"),
    rows.map((row) => row.due_at ?? null),
    rows.map((row) => (row.event_properties ? JSON.stringify(row.event_properties) : null)),
  ])
  return created
}

/** The running enrollments that a cart's abandonment started. */
export async function runningCartEnrollments(context: SqlContext, cartId: string): Promise<{ id: string; step_id: string; sequence: number }[]> {
  const { rows } = await pgStatement(context, RUNNING_CART_ENROLLMENTS, [cartId])
  return rows
}

/**
 * Claims up to `limit` due enrollments of live journeys for `leaseMs`: rows another worker holds
 * are skipped, and `leased_until` is the lease (a worker that dies releases them when it passes).
 */
export async function claimDueEnrollments(
  context: SqlContext,
  { limit, leaseMs, ids }: { limit: number; leaseMs: number; ids?: string[] }
): Promise<ClaimedEnrollment[]> {
  const { rows } = await pgStatement<ClaimedEnrollment>(context, CLAIM_DUE_ENROLLMENTS_SQL, [limit, leaseMs, ids ?? null])
  return rows
}

/** Releases a worker's lease on the enrollments it claimed, so that the next claim takes them at once. */
export async function releaseEnrollmentLeases(context: SqlContext, ids: string[]): Promise<void> {
  await pgStatement(context, RELEASE_ENROLLMENT_LEASES, [ids])
}

/** A version's definition as stored, for JourneyDefinition.parse. */
export type VersionDefinition = { id: string; trigger: unknown; graph: unknown; entry: unknown; goal: unknown; exit: unknown }

/** The definitions of the versions claimed enrollments run on, in one statement: the worker reads them each claim. */
export async function versionDefinitions(context: SqlContext, ids: string[]): Promise<VersionDefinition[]> {
  if (!ids.length) return []
  const { rows } = await pgStatement<VersionDefinition>(context, VERSION_DEFINITIONS, [ids])
  return rows
}

/**
 * Records steps' runs and moves their enrollments, together, in one statement. The step run's key
 * is unique, so a step run twice (a lost lease) is recorded once; each move is guarded by the
 * claimed sequence, so a stale worker's move changes nothing. Returns the enrollments moved.
 */
export async function recordSteps(context: SqlContext, steps: RecordedStep[]): Promise<Set<string>> {
  if (!steps.length) return new Set()
  const column = <T>(value: (step: RecordedStep, move: EnrollmentMove) => T | null) => steps.map((step) => value(step, step.move))
  const { rows } = await pgStatement<{ id: string }>(context, RECORD_STEPS, [
    column((step) => step.enrollment_id),
    column((step) => step.sequence),
    column((_, move) => move.state),
    column((_, move) => ("step_id" in move ? move.step_id : null)),
    column((_, move) => ("due_at" in move ? move.due_at : null)),
    column((step) => (step.advances ? 1 : 0)),
    column((_, move) => (move.state === "converted" ? move.order_id : null)),
    column((_, move) => (move.state === "converted" ? String(move.revenue) : null)),
    column((_, move) => (move.state === "converted" ? move.currency_code : null)),
    column((step) => step.claimed_due_at ?? null),
    column((step) => step.step_id),
    column((step) => step.outcome),
    column((step) => (step.detail === null ? null : JSON.stringify(step.detail))),
    column((step) => step.idempotency_key),
  ])
  return new Set(rows.map((row) => row.id))
}

/**
 * Records what a step with a side effect did as soon as it is done, before the move: a worker
 * that runs the step again (a lost lease) finds it recorded and does not do it twice. The step
 * run's key is unique: a second record of one run changes nothing.
 */
export async function recordStepRun(context: SqlContext, run: StepRunRecord): Promise<void> {
  await pgStatement(context, INSERT_STEP_RUN, [
    run.enrollment_id,
    run.step_id,
    run.outcome,
    run.detail === null ? null : JSON.stringify(run.detail),
    run.idempotency_key,
  ])
}

/** A step that threw: tried again at `retryAt`, or failed for good (visible, with its error) when null. */
export async function recordStepFailure(
  context: SqlContext,
  { enrollment_id, sequence, error, retry_at }: { enrollment_id: string; sequence: number; error: string; retry_at: Date | null }
): Promise<void> {
  await pgStatement(context, RECORD_STEP_FAILURE, [enrollment_id, sequence, error.slice(0, 2000), retry_at])
}

/** Ends the running enrollments of a journey (archived): they are exited where they stand. */
export async function exitRunningEnrollments(context: SqlContext, journeyId: string): Promise<string[]> {
  const { rows } = await pgStatement<{ id: string }>(context, EXIT_RUNNING_ENROLLMENTS_SQL, [journeyId])
  return rows.map((row) => row.id)
}

/**
 * Keeps awaited events (orders, custom events) of contacts that have a running enrollment, and wakes
 * their waiting enrollments, which then read whether it is the event they wait for. Returns the ids
 * of the events kept: none for a contact with no running enrollment (nothing can wait for it).
 */
export async function recordAwaitedEvents(context: SqlContext, events: AwaitedEvent[]): Promise<string[]> {
  if (!events.length) return []
  return pgTransaction(context, async (client) => {
    const { rows } = await client.query(INSERT_AWAITED_EVENTS, [
      events.map((event) => event.contact_id),
      events.map((event) => event.type),
      events.map((event) => event.name),
    ])
    if (rows.length) await wakeWaiting(client, [...new Set(rows.map((row: { contact_id: string }) => row.contact_id))])
    return rows.map((row: { id: string }) => row.id)
  })
}

/** The earliest end of a running wait: waits that ran out while their journey was paused read events from before it. */
export async function earliestWaitEnd(context: SqlContext): Promise<Date | null> {
  const { rows } = await pgStatement(context, EARLIEST_WAIT_END, [])
  return rows[0].at
}

/**
 * Deletes awaited events that occurred before `cutoff`, `batchSize` at a time, each batch its own
 * statement so that no lock is held long. The oldest rows lead the heap, so a batch's scan stops early.
 */
export async function pruneJourneyEventsBefore(context: SqlContext, cutoff: Date, batchSize: number): Promise<number> {
  let pruned = 0
  for (;;) {
    const { rowCount } = await pgStatement(context, PRUNE_JOURNEY_EVENTS_BEFORE, [cutoff, batchSize])
    pruned += rowCount
    if (rowCount < batchSize) return pruned
  }
}

/**
 * Makes the contacts' waiting enrollments due now, so that the worker reads what woke them; a wait
 * that was not for this keeps its end (`waiting_until`). Returns how many were woken.
 */
export function wakeWaitingEnrollments(context: SqlContext, contactIds: string[]): Promise<number> {
  return pgConnection(context, (client) => wakeWaiting(client, contactIds))
}

async function wakeWaiting(client: PgClient, contactIds: string[]): Promise<number> {
  const { rowCount } = await client.query(WAKE_WAITING_ENROLLMENTS, [contactIds])
  return rowCount
}

/** The custom events that enrolled these enrollments, by enrollment; none for journeys other triggers start. */
export async function enteringEvents(context: SqlContext, enrollmentIds: string[]): Promise<Map<string, EnteringEvent>> {
  if (!enrollmentIds.length) return new Map()
  const { rows } = await pgStatement<{ enrollment_id: string; name: string; properties: EventProperties | null }>(context, ENTERING_EVENTS, [enrollmentIds])
  return new Map(rows.map((row) => [row.enrollment_id, { name: row.name, properties: row.properties ?? {} }]))
}

/** What a contact's erasure cleared: each enrollment's entering event properties as they were. */
export type ErasedEventProperties = { id: string; event_properties: EventProperties }[]

/** GDPR erasure: clears the properties of the events that enrolled the contact. Returns them, for the undo. */
export async function eraseEventPropertiesOf(context: SqlContext, contactId: string): Promise<ErasedEventProperties> {
  const { rows } = await pgStatement(context, ERASE_EVENT_PROPERTIES_OF_CONTACT, [contactId])
  return rows
}

/** Puts back what eraseEventPropertiesOf cleared. */
export async function unEraseEventProperties(context: SqlContext, erased: ErasedEventProperties): Promise<void> {
  if (!erased.length) return
  await pgStatement(context, UNERASE_EVENT_PROPERTIES, [erased.map((e) => e.id), erased.map((e) => JSON.stringify(e.event_properties))])
}

/**
 * The content of the send steps of enrollments' messages, by message key: each step of its enrollment's
 * version, with the code an issue-code step of the enrollment gave last.
 */
export async function enrollmentSendContents(
  context: SqlContext,
  keys: { key: string; enrollment_id: string; step_id: string }[]
): Promise<Map<string, JourneyMessageContent>> {
  const contents = new Map<string, JourneyMessageContent>()
  if (!keys.length) return contents
  const { rows } = await pgStatement(context, ENROLLMENT_SEND_CONTEXTS, [[...new Set(keys.map((k) => k.enrollment_id))]])
  const byEnrollment = new Map(rows.map((row: any) => [row.enrollment_id, row]))
  for (const { key, enrollment_id, step_id } of keys) {
    const row: any = byEnrollment.get(enrollment_id)
    const step = row?.graph.steps.find((s: { id: string }) => s.id === step_id)
    if (step?.kind === "send") {
      contents.set(key, {
        name: row.name,
        subject: step.subject ?? null,
        body: step.body ?? "",
        promotion_code: row.promotion_code,
        event_properties: row.event_properties,
      })
    }
  }
  return contents
}
