import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { JourneyStanding } from "../../types/http/automation"
import { PgClient, pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { CLAIM_DUE_ENROLLMENTS_SQL } from "./lib/claim-due-enrollments-sql"
import { EXIT_RUNNING_ENROLLMENTS_SQL, JOURNEY_STEP_STANDING_SQL, JOURNEY_TOTALS_SQL } from "./lib/journey-figures-sql"
import { parseStepRunKey, parseTestRunKey } from "./lib/step-run-key"
import Journey from "./models/journey"
import JourneyCart from "./models/journey-cart"
import JourneyCartActivity from "./models/journey-cart-activity"
import JourneyEnrollment from "./models/journey-enrollment"
import JourneySegmentMember from "./models/journey-segment-member"
import JourneyEvent from "./models/journey-event"
import JourneyStepRun from "./models/journey-step-run"
import JourneyTriggerCursor from "./models/journey-trigger-cursor"
import JourneyVersion from "./models/journey-version"
import {
  ADD_JOURNEY_SEGMENT_MEMBERS,
  CLEAR_JOURNEY_SEGMENT_MEMBERS,
  EARLIEST_WAIT_END,
  ENROLL_CONTACTS,
  ENROLLMENT_SEND_CONTEXTS,
  ENROLLMENTS_PASSED_STEPS,
  FORGET_UNENROLLED_JOURNEY_CARTS,
  IDLE_CARTS,
  INSERT_AWAITED_EVENTS,
  INSERT_STEP_RUN,
  MESSAGE_EVENT_CONTACTS,
  MOVE_TRIGGER_CURSOR,
  PRUNE_JOURNEY_EVENTS_BEFORE,
  RECORD_CART_ACTIVITY,
  RECORD_JOURNEY_CARTS,
  RECORD_STEP_FAILURE,
  RECORD_STEPS,
  refreshJourneySegmentMembers,
  REMOVE_JOURNEY_SEGMENT_MEMBERS,
  RUNNING_CART_ENROLLMENTS,
  selectContactsDueOnDate,
  WAKE_WAITING_ENROLLMENTS,
} from "./statements"

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

/** A journey message's content: its send step's, and the code an issue-code step of its enrollment gave last. */
export type JourneyMessageContent = { name: string; subject: string | null; body: string; promotion_code: string | null }

export type StepRunRecord = Pick<RecordedStep, "enrollment_id" | "step_id" | "outcome" | "detail"> & { idempotency_key: string }

/** The step run's key is unique: a second record of one run changes nothing. */
async function insertStepRun(client: PgClient, run: StepRunRecord) {
  await client.query(INSERT_STEP_RUN, [
    run.enrollment_id,
    run.step_id,
    run.outcome,
    run.detail === null ? null : JSON.stringify(run.detail),
    run.idempotency_key,
  ])
}

async function wakeWaiting(client: PgClient, contactIds: string[]) {
  const { rowCount } = await client.query(WAKE_WAITING_ENROLLMENTS, [contactIds])
  return rowCount
}

export default class AutomationModuleService extends MedusaService({
  Journey,
  JourneyVersion,
  JourneyEnrollment,
  JourneyStepRun,
  JourneyEvent,
  JourneyTriggerCursor,
  JourneySegmentMember,
  JourneyCartActivity,
  JourneyCart,
}) {
  /**
   * Starts these contacts on a version's first step, due now. A contact already running in the
   * journey is left out (the one-running unique index): two triggers at once enrol once.
   * Returns the enrollments made.
   */
  @InjectManager()
  async enroll(
    rows: { journey_id: string; version_id: string; contact_id: string; step_id: string; due_at?: Date | null }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; journey_id: string; contact_id: string }[]> {
    if (!rows.length) return []
    const column = (key: "journey_id" | "version_id" | "contact_id" | "step_id") => rows.map((row) => row[key])
    const { rows: created } = await pgStatement(
      context,
      ENROLL_CONTACTS,
      [column("journey_id"), column("version_id"), column("contact_id"), column("step_id"), rows.map((row) => row.due_at ?? null)]
    )
    return created
  }

  /**
   * Brings a segment-triggered journey's copy of its segment's members up to date with the segment's
   * condition evaluated now (`where` reads `marketing_contact c`), for `contactIds` only or, with
   * null, for everyone; returns who entered and who left. The unique index and the delete's
   * RETURNING make two refreshes at once report each change once.
   */
  @InjectTransactionManager()
  async refreshSegmentMembers(
    { journey_id, where, params, contact_ids }: { journey_id: string; where: string; params: unknown[]; contact_ids: string[] | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ entered: string[]; left: string[] }> {
    const { rows } = await pgStatement(
      context,
      refreshJourneySegmentMembers(where, params.length, contact_ids !== null),
      [...params, journey_id, ...(contact_ids ? [contact_ids] : [])]
    )
    const of = (change: string) => rows.filter((row: { change: string }) => row.change === change).map((row: { contact_id: string }) => row.contact_id)
    return { entered: of("entered"), left: of("left") }
  }

  /** Undoes a refresh of a journey's copy of its segment: who entered is taken out, who left put back. */
  @InjectTransactionManager()
  async putBackSegmentMembers(
    { journey_id, entered, left }: { journey_id: string; entered: string[]; left: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgTransaction(context, async (client) => {
      await client.query(REMOVE_JOURNEY_SEGMENT_MEMBERS, [journey_id, entered])
      await client.query(ADD_JOURNEY_SEGMENT_MEMBERS, [journey_id, left])
    })
  }

  /** Forgets a journey's copy of its segment (its trigger moved to another segment, or to another kind). */
  @InjectManager()
  async clearSegmentMembers(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(context, CLEAR_JOURNEY_SEGMENT_MEMBERS, [journeyId])
  }

  /** Where a journey's trigger has looked up to, as a row (created empty on first use). */
  @InjectManager()
  async moveTriggerCursor(
    journeyId: string,
    position: { segment_id?: string | null; position_at?: Date | null; position_id?: string | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgStatement(
      context,
      MOVE_TRIGGER_CURSOR,
      [journeyId, position.segment_id ?? null, position.position_at ?? null, position.position_id ?? null]
    )
  }

  /**
   * Carts that changed: their last change is now, and what a journey decided about them while they
   * did not qualify (no email yet, no items, an entry refused) is forgotten, so that they are looked
   * at again when idle. A cart that enrolled keeps its row: it enrols at most once.
   */
  @InjectTransactionManager()
  async recordCartActivity(cartIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    if (!cartIds.length) return
    await pgTransaction(context, async (client) => {
      await client.query(RECORD_CART_ACTIVITY, [cartIds])
      await client.query(FORGET_UNENROLLED_JOURNEY_CARTS, [cartIds])
    })
  }

  /**
   * Up to `limit` carts idle for `idleMinutes` (but not for a week more: older ones are left alone)
   * that this journey has not dealt with: one range scan of the activity index, each candidate
   * checked against the journey's carts by their unique index.
   */
  @InjectManager()
  async idleCarts(
    { journey_id, idle_minutes, limit }: { journey_id: string; idle_minutes: number; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
    const { rows } = await pgStatement(context, IDLE_CARTS, [journey_id, idle_minutes, limit])
    return rows.map((row: { cart_id: string }) => row.cart_id)
  }

  /** What a journey decided about idle carts; a cart already recorded keeps its first decision. */
  @InjectManager()
  async recordJourneyCarts(
    rows: { journey_id: string; cart_id: string; enrollment_id: string | null }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    if (!rows.length) return
    await pgStatement(
      context,
      RECORD_JOURNEY_CARTS,
      [rows.map((r) => r.journey_id), rows.map((r) => r.cart_id), rows.map((r) => r.enrollment_id)]
    )
  }

  /**
   * The next `limit` message events recorded after `after` (in (created_at, id) order, and a few
   * seconds old, so that a batch still committing is not skipped) and the contacts whose message had
   * one of `type` (of `campaignId`'s messages when given; machine opens and clicks left out). Returns
   * the position of the last event read, matching or not, for the cursor.
   */
  @InjectManager()
  async messageEventContacts(
    { after, type, campaign_id, limit }: { after: { at: Date; id: string }; type: string; campaign_id: string | null; limit: number },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ contact_ids: string[]; position: { at: Date; id: string } }> {
    const { rows } = await pgStatement(context, MESSAGE_EVENT_CONTACTS, [after.at, after.id, type, campaign_id, limit])
    const last = rows[rows.length - 1]
    return {
      contact_ids: [...new Set(rows.filter((row: { matches: boolean }) => row.matches).map((row: { contact_id: string }) => row.contact_id))],
      position: last ? { at: last.created_at, id: last.id } : after,
    }
  }

  /**
   * The contacts whose date falls in [from, to): `offset_days` after (before, when negative) the
   * contact's `field`, or a fixed date, at `time_of_day` in the contact's timezone (the store's when
   * it has none, or one PostgreSQL does not know). Each with that moment, when its journey starts.
   */
  @InjectManager()
  async contactsDueOnDate(
    {
      date,
      time_of_day,
      from,
      to,
      store_timezone,
    }: {
      date: { field: string; offset_days: number } | { fixed: string }
      time_of_day: string
      from: Date
      to: Date
      store_timezone: string
    },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ contact_id: string; at: Date }[]> {
    const { statement, params } = selectContactsDueOnDate(date)
    const { rows } = await pgStatement(context, statement, [from, to, store_timezone, time_of_day, ...params])
    return rows
  }

  /** The running enrollments that a cart's abandonment started. */
  @InjectManager()
  async runningCartEnrollments(
    cartId: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; step_id: string; sequence: number }[]> {
    const { rows } = await pgStatement(context, RUNNING_CART_ENROLLMENTS, [cartId])
    return rows
  }

  /**
   * Claims up to `limit` due enrollments of live journeys for `leaseMs`: rows another worker holds
   * are skipped, and `leased_until` is the lease (a worker that dies releases them when it passes).
   */
  @InjectManager()
  async claimDueEnrollments(
    { limit, leaseMs, ids }: { limit: number; leaseMs: number; ids?: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ClaimedEnrollment[]> {
    const { rows } = await pgStatement(context, CLAIM_DUE_ENROLLMENTS_SQL, [limit, leaseMs, ids ?? null])
    return rows
  }

  /**
   * Records a step's run and moves its enrollment, together (see recordSteps). Returns whether the
   * move happened.
   */
  @InjectManager()
  async recordStep(step: RecordedStep, @MedusaContext() context: Context<EntityManager> = {}): Promise<boolean> {
    return (await this.recordSteps([step], context)).has(step.enrollment_id)
  }

  /**
   * Records steps' runs and moves their enrollments, together, in one statement. The step run's key
   * is unique, so a step run twice (a lost lease) is recorded once; each move is guarded by the
   * claimed sequence, so a stale worker's move changes nothing. Returns the enrollments moved.
   */
  @InjectManager()
  async recordSteps(steps: RecordedStep[], @MedusaContext() context: Context<EntityManager> = {}): Promise<Set<string>> {
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
   * that runs the step again (a lost lease) finds it recorded and does not do it twice.
   */
  @InjectManager()
  async recordStepRun(run: StepRunRecord, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgConnection(context, (client) => insertStepRun(client, run))
  }

  /** A step that threw: tried again at `retryAt`, or failed for good (visible, with its error) when null. */
  @InjectManager()
  async recordStepFailure(
    { enrollment_id, sequence, error, retry_at }: { enrollment_id: string; sequence: number; error: string; retry_at: Date | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<void> {
    await pgStatement(context, RECORD_STEP_FAILURE, [enrollment_id, sequence, error.slice(0, 2000), retry_at])
  }

  /** Ends the running enrollments of a journey (archived): they are exited where they stand. */
  @InjectManager()
  async exitRunningEnrollments(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    const { rows } = await pgStatement(context, EXIT_RUNNING_ENROLLMENTS_SQL, [journeyId])
    return rows.map((row: { id: string }) => row.id)
  }

  /**
   * Keeps awaited events (orders, custom events) of contacts that have a running enrollment, and wakes
   * their waiting enrollments, which then read whether it is the event they wait for. Returns the ids
   * of the events kept: none for a contact with no running enrollment (nothing can wait for it).
   */
  @InjectTransactionManager()
  async recordAwaitedEvents(
    events: { contact_id: string; type: "order_placed" | "custom_event"; name: string | null }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string[]> {
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
  @InjectManager()
  async earliestWaitEnd(@MedusaContext() context: Context<EntityManager> = {}): Promise<Date | null> {
    const { rows } = await pgStatement(context, EARLIEST_WAIT_END, [])
    return rows[0].at
  }

  /**
   * Deletes awaited events that occurred before `cutoff`, `batchSize` at a time, each batch its own
   * statement so that no lock is held long. The oldest rows lead the heap, so a batch's scan stops early.
   */
  @InjectManager()
  async pruneJourneyEventsBefore(cutoff: Date, batchSize: number, @MedusaContext() context: Context<EntityManager> = {}): Promise<number> {
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
  @InjectManager()
  async wakeWaitingEnrollments(contactIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<number> {
    return pgConnection(context, (client) => wakeWaiting(client, contactIds))
  }

  /**
   * How many contacts each journey enrolled and where they are, and per step how many stand at it
   * (running or failed there) and how many passed it: the figures of the list and of the canvas.
   * Steps are counted by id across versions, as the canvas shows one.
   */
  @InjectManager()
  async journeyFigures(journeyIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<JourneyStanding[]> {
    const [totals, standing, passed] = await pgConnection(context, (client) =>
      Promise.all([
        client.query(JOURNEY_TOTALS_SQL, [journeyIds]),
        client.query(JOURNEY_STEP_STANDING_SQL, [journeyIds]),
        client.query(ENROLLMENTS_PASSED_STEPS, [journeyIds]),
      ])
    )
    return journeyIds.map((journeyId) => {
      const steps = new Map<string, JourneyStanding["steps"][number]>()
      const stepOf = (stepId: string) =>
        steps.get(stepId) ?? steps.set(stepId, { step_id: stepId, at: 0, failed: 0, passed: 0 }).get(stepId)!
      for (const row of standing.rows) {
        if (row.journey_id !== journeyId) continue
        const step = stepOf(row.step_id)
        step.at += row.at
        step.failed += row.failed
      }
      for (const row of passed.rows) if (row.journey_id === journeyId) stepOf(row.step_id).passed = row.passed
      const byState = new Map<string, number>()
      for (const row of totals.rows) if (row.journey_id === journeyId) byState.set(row.state, row.count)
      const count = (...states: string[]) => states.reduce((sum, state) => sum + (byState.get(state) ?? 0), 0)
      return {
        journey_id: journeyId,
        enrolled: [...byState.values()].reduce((sum, n) => sum + n, 0),
        running: count("active", "waiting"),
        converted: count("converted"),
        completed: count("completed"),
        exited: count("exited"),
        failed: count("failed"),
        steps: [...steps.values()],
      }
    })
  }

  /** The send steps' content of journey messages, by the message's idempotency key (its step run key or test run key). */
  @InjectManager()
  async sendContents(
    messageKeys: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<Map<string, JourneyMessageContent>> {
    const contents = await this.testSendContents(messageKeys, context)
    const keys = messageKeys.flatMap((key) => {
      const parsed = parseStepRunKey(key)
      return parsed ? [{ key, ...parsed }] : []
    })
    if (!keys.length) return contents
    const { rows } = await pgConnection(context, (client) =>
      client.query(ENROLLMENT_SEND_CONTEXTS, [[...new Set(keys.map((k) => k.enrollment_id))]])
    )
    const byEnrollment = new Map(rows.map((row: any) => [row.enrollment_id, row]))
    for (const { key, enrollment_id, step_id } of keys) {
      const row: any = byEnrollment.get(enrollment_id)
      const step = row?.graph.steps.find((s: { id: string }) => s.id === step_id)
      if (step?.kind === "send") {
        contents.set(key, { name: row.name, subject: step.subject ?? null, body: step.body ?? "", promotion_code: row.promotion_code })
      }
    }
    return contents
  }

  /** A test run's messages take their content from the tested version's step; the test issued no code. */
  protected async testSendContents(messageKeys: string[], context: Context<EntityManager>): Promise<Map<string, JourneyMessageContent>> {
    const contents = new Map<string, JourneyMessageContent>()
    const keys = messageKeys.flatMap((key) => {
      const parsed = parseTestRunKey(key)
      return parsed ? [{ key, ...parsed }] : []
    })
    if (!keys.length) return contents
    const versions = await this.listJourneyVersions(
      { id: [...new Set(keys.map((k) => k.version_id))] },
      { select: ["id", "graph", "journey.name"], relations: ["journey"], take: null },
      context
    )
    const byId = new Map(versions.map((v) => [v.id, v]))
    for (const { key, version_id, step_id } of keys) {
      const version = byId.get(version_id)
      const step = (version?.graph as { steps: { id: string; kind: string; subject?: string; body?: string }[] } | undefined)?.steps.find((s) => s.id === step_id)
      if (step?.kind === "send") {
        contents.set(key, { name: version!.journey.name, subject: step.subject ?? null, body: step.body ?? "", promotion_code: null })
      }
    }
    return contents
  }
}
