import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { JourneyFigures, JourneyStepFigures } from "../../types/automation/http"
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

const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

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
  await client.query(
    `INSERT INTO marketing_journey_step_run (id, enrollment_id, step_id, outcome, detail, idempotency_key, at, created_at, updated_at)
     VALUES (${newId("mjrun")}, $1, $2, $3, $4, $5, now(), now(), now())
     ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`,
    [run.enrollment_id, run.step_id, run.outcome, run.detail === null ? null : JSON.stringify(run.detail), run.idempotency_key]
  )
}

async function wakeWaiting(client: PgClient, contactIds: string[]) {
  const { rowCount } = await client.query(
    // A claimed one is woken too (its due_at moves past the claim's): the step's move then keeps it due.
    `UPDATE marketing_journey_enrollment SET due_at = now(), updated_at = now()
      WHERE contact_id = ANY($1::text[]) AND state = 'waiting' AND (due_at > now() OR leased_until > now()) AND deleted_at IS NULL`,
    [contactIds]
  )
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
      `INSERT INTO marketing_journey_enrollment
         (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at, created_at, updated_at)
       SELECT ${newId("mjenr")}, r.journey_id, r.version_id, r.contact_id, 'active', r.step_id, 0, COALESCE(r.due_at, now()), 0, now(), now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS r(journey_id, version_id, contact_id, step_id, due_at)
       ON CONFLICT (contact_id, journey_id) WHERE state IN ('active', 'waiting') AND deleted_at IS NULL DO NOTHING
       RETURNING id, journey_id, contact_id`,
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
    const n = params.length
    const scoped = (column: string) => (contact_ids ? `AND ${column} = ANY($${n + 2}::text[])` : "")
    const { rows } = await pgStatement(
      context,
      `WITH now_in AS (SELECT c.id FROM marketing_contact c WHERE c.deleted_at IS NULL ${scoped("c.id")} AND (${where})),
            entered AS (INSERT INTO marketing_journey_segment_member (id, journey_id, contact_id)
                          SELECT ${newId("mjsgm")}, $${n + 1}, now_in.id FROM now_in
                        ON CONFLICT (journey_id, contact_id) WHERE deleted_at IS NULL DO NOTHING
                        RETURNING contact_id),
            left_segment AS (DELETE FROM marketing_journey_segment_member m
                              WHERE m.journey_id = $${n + 1} ${scoped("m.contact_id")}
                                AND NOT EXISTS (SELECT 1 FROM now_in WHERE now_in.id = m.contact_id)
                             RETURNING contact_id)
       SELECT 'entered' AS change, contact_id FROM entered UNION ALL SELECT 'left', contact_id FROM left_segment`,
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
      await client.query(`DELETE FROM marketing_journey_segment_member WHERE journey_id = $1 AND contact_id = ANY($2::text[])`, [journey_id, entered])
      await client.query(
        `INSERT INTO marketing_journey_segment_member (id, journey_id, contact_id)
         SELECT ${newId("mjsgm")}, $1, contact_id FROM unnest($2::text[]) AS contact_id
         ON CONFLICT (journey_id, contact_id) WHERE deleted_at IS NULL DO NOTHING`,
        [journey_id, left]
      )
    })
  }

  /** Forgets a journey's copy of its segment (its trigger moved to another segment, or to another kind). */
  @InjectManager()
  async clearSegmentMembers(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<void> {
    await pgStatement(context, `DELETE FROM marketing_journey_segment_member WHERE journey_id = $1`, [journeyId])
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
      `INSERT INTO marketing_journey_trigger_cursor (id, journey_id, segment_id, position_at, position_id)
       VALUES (${newId("mjcur")}, $1, $2, $3, $4)
       ON CONFLICT (journey_id) WHERE deleted_at IS NULL
       DO UPDATE SET segment_id = EXCLUDED.segment_id, position_at = EXCLUDED.position_at, position_id = EXCLUDED.position_id, updated_at = now()`,
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
      await client.query(
        `INSERT INTO marketing_journey_cart_activity (id, cart_id, last_activity_at)
         SELECT ${newId("mjcac")}, cart_id, now() FROM unnest($1::text[]) AS cart_id
         ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE SET last_activity_at = now(), updated_at = now()`,
        [cartIds]
      )
      await client.query(`DELETE FROM marketing_journey_cart WHERE cart_id = ANY($1::text[]) AND enrollment_id IS NULL`, [cartIds])
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
    const { rows } = await pgStatement(
      context,
      `SELECT a.cart_id FROM marketing_journey_cart_activity a
        WHERE a.deleted_at IS NULL
          AND a.last_activity_at <= now() - make_interval(mins => $2)
          AND a.last_activity_at > now() - make_interval(mins => $2) - interval '7 days'
          AND NOT EXISTS (SELECT 1 FROM marketing_journey_cart t
                           WHERE t.journey_id = $1 AND t.cart_id = a.cart_id AND t.deleted_at IS NULL)
        ORDER BY a.last_activity_at
        LIMIT $3`,
      [journey_id, idle_minutes, limit]
    )
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
      `INSERT INTO marketing_journey_cart (id, journey_id, cart_id, enrollment_id)
       SELECT ${newId("mjcrt")}, r.journey_id, r.cart_id, r.enrollment_id
         FROM unnest($1::text[], $2::text[], $3::text[]) AS r(journey_id, cart_id, enrollment_id)
       ON CONFLICT (journey_id, cart_id) WHERE deleted_at IS NULL DO NOTHING`,
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
    const { rows } = await pgStatement(
      context,
      `WITH batch AS (
         SELECT ev.id, ev.created_at, ev.type, ev.flag, ev.message_id FROM marketing_message_event ev
          WHERE (ev.created_at, ev.id) > ($1::timestamptz, $2::text) AND ev.created_at <= now() - interval '5 seconds'
          ORDER BY ev.created_at, ev.id
          LIMIT $5)
       SELECT b.id, b.created_at, m.contact_id,
              (b.type = $3 AND b.flag IS NULL AND m.contact_id IS NOT NULL AND m.deleted_at IS NULL
               AND ($4::text IS NULL OR m.campaign_id = $4)) AS matches
         FROM batch b JOIN marketing_message m ON m.id = b.message_id
        ORDER BY b.created_at, b.id`,
      [after.at, after.id, type, campaign_id, limit]
    )
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
    const params: unknown[] = [from, to, store_timezone, time_of_day]
    const tz = "COALESCE(tzn.name, $3)"
    let day: string
    let narrowing = ""
    if ("fixed" in date) {
      params.push(date.fixed)
      day = "$5::date"
    } else if (date.field.startsWith("metadata.")) {
      params.push(date.field.slice("metadata.".length), date.offset_days)
      // A metadata date as YYYY-MM-DD (a timestamp's first ten characters); anything else is no date.
      const value = "(c.metadata ->> $5)"
      day = `(CASE WHEN ${value} ~ '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
                   THEN make_date(substr(${value}, 1, 4)::int, substr(${value}, 6, 2)::int, 1) + (substr(${value}, 9, 2)::int - 1) END + $6::int)`
    } else {
      params.push(date.offset_days)
      const column = `c.${date.field}` // one of the schema's date columns
      day = `((${column} AT TIME ZONE ${tz})::date + $5::int)`
      // Through the column's index: a day either side covers every timezone.
      narrowing = `AND ${column} >= $1::timestamptz - make_interval(days => $5::int + 2) AND ${column} < $2::timestamptz - make_interval(days => $5::int - 2)`
    }
    const { rows } = await pgStatement(
      context,
      `SELECT contact_id, at FROM (
         SELECT c.id AS contact_id, ((${day} + $4::time) AT TIME ZONE ${tz}) AS at
           FROM marketing_contact c
           LEFT JOIN pg_timezone_names tzn ON tzn.name = c.timezone
          WHERE c.deleted_at IS NULL ${narrowing}) occurrence
        WHERE at >= $1 AND at < $2`,
      params
    )
    return rows
  }

  /** The running enrollments that a cart's abandonment started. */
  @InjectManager()
  async runningCartEnrollments(
    cartId: string,
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; step_id: string; sequence: number }[]> {
    const { rows } = await pgStatement(
      context,
      `SELECT e.id, e.step_id, e.sequence FROM marketing_journey_cart t
         JOIN marketing_journey_enrollment e ON e.id = t.enrollment_id
        WHERE t.cart_id = $1 AND t.deleted_at IS NULL AND e.state IN ('active', 'waiting') AND e.deleted_at IS NULL`,
      [cartId]
    )
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
   * Records a step's run and moves its enrollment, together. The step run's key is unique, so a
   * step run twice (a lost lease) is recorded once; the move is guarded by the claimed sequence, so
   * a stale worker's move changes nothing. Returns whether the move happened.
   */
  @InjectTransactionManager()
  async recordStep(step: RecordedStep, @MedusaContext() context: Context<EntityManager> = {}): Promise<boolean> {
    return pgTransaction(context, async (client) => {
      const { move } = step
      const { rowCount } = await client.query(
        `UPDATE marketing_journey_enrollment
            SET state = $3, step_id = $4, sequence = sequence + $6::int, attempts = 0, last_error = NULL,
                -- A wait that parks again after a wake-up during the claim stays due: the wake may be its event.
                -- Milliseconds: the claimed due_at came back through a JavaScript Date.
                due_at = CASE WHEN $3 = 'waiting' AND state = 'waiting' AND date_trunc('milliseconds', due_at) > $11::timestamptz
                              THEN now() ELSE $5::timestamptz END,
                -- The worker goes on with an active one at once, under its lease; anything else is free to claim when due.
                leased_until = CASE WHEN $3 = 'active' THEN leased_until END,
                waiting_until = CASE WHEN $3 = 'waiting' THEN $5::timestamptz END,
                ended_at = CASE WHEN $3 IN ('active', 'waiting') THEN NULL ELSE now() END,
                converted_order_id = $7, revenue = $8, raw_revenue = $9, currency_code = $10, updated_at = now()
          WHERE id = $1 AND sequence = $2 AND state IN ('active', 'waiting')`,
        [
          step.enrollment_id,
          step.sequence,
          move.state,
          "step_id" in move ? move.step_id : null,
          "due_at" in move ? move.due_at : null,
          step.advances ? 1 : 0,
          move.state === "converted" ? move.order_id : null,
          move.state === "converted" ? move.revenue : null,
          move.state === "converted" ? JSON.stringify({ value: String(move.revenue), precision: 20 }) : null,
          move.state === "converted" ? move.currency_code : null,
          step.claimed_due_at ?? null,
        ]
      )
      if (!rowCount) return false
      if (step.idempotency_key === null) return true
      await insertStepRun(client, { ...step, idempotency_key: step.idempotency_key })
      return true
    })
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
    await pgStatement(
      context,
      `UPDATE marketing_journey_enrollment
          SET attempts = attempts + 1, last_error = $3, updated_at = now(),
              state = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE state END,
              due_at = $4::timestamptz, leased_until = NULL, ended_at = CASE WHEN $4::timestamptz IS NULL THEN now() END
        WHERE id = $1 AND sequence = $2 AND state IN ('active', 'waiting')`,
      [enrollment_id, sequence, error.slice(0, 2000), retry_at]
    )
  }

  /** Ends the running enrollments of a journey (archived): they are exited where they stand. */
  @InjectManager()
  async exitRunningEnrollments(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    const { rows } = await pgStatement(context, EXIT_RUNNING_ENROLLMENTS_SQL, [journeyId])
    return rows.map((row: { id: string }) => row.id)
  }

  /**
   * Keeps an awaited event (an order, a custom event) of a contact that has a running enrollment,
   * and wakes its waiting enrollments, which then read whether it is the event they wait for.
   * Returns the event's id, null when no enrollment of the contact runs (nothing can wait for it).
   */
  @InjectTransactionManager()
  async recordAwaitedEvent(
    event: { contact_id: string; type: "order_placed" | "custom_event"; name: string | null },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<string | null> {
    return pgTransaction(context, async (client) => {
      const { rows } = await client.query(
        `INSERT INTO marketing_journey_event (id, contact_id, type, name, occurred_at, created_at, updated_at)
         SELECT ${newId("mjevt")}, $1, $2, $3, now(), now(), now()
          WHERE EXISTS (SELECT 1 FROM marketing_journey_enrollment
                         WHERE contact_id = $1 AND state IN ('active', 'waiting') AND deleted_at IS NULL)
         RETURNING id`,
        [event.contact_id, event.type, event.name]
      )
      if (rows.length) await wakeWaiting(client, [event.contact_id])
      return rows[0]?.id ?? null
    })
  }

  /** The earliest end of a running wait: waits that ran out while their journey was paused read events from before it. */
  @InjectManager()
  async earliestWaitEnd(@MedusaContext() context: Context<EntityManager> = {}): Promise<Date | null> {
    const { rows } = await pgStatement(
      context,
      `SELECT min(waiting_until) AS at FROM marketing_journey_enrollment WHERE state = 'waiting' AND deleted_at IS NULL`,
      []
    )
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
      const { rowCount } = await pgStatement(
        context,
        `DELETE FROM marketing_journey_event WHERE id IN (SELECT id FROM marketing_journey_event WHERE occurred_at < $1 LIMIT $2)`,
        [cutoff, batchSize]
      )
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
  async journeyFigures(journeyIds: string[], @MedusaContext() context: Context<EntityManager> = {}): Promise<JourneyFigures[]> {
    const [totals, standing, passed] = await pgConnection(context, (client) =>
      Promise.all([
        client.query(JOURNEY_TOTALS_SQL, [journeyIds]),
        client.query(JOURNEY_STEP_STANDING_SQL, [journeyIds]),
        client.query(
          `SELECT e.journey_id, r.step_id, count(*)::int AS passed
             FROM marketing_journey_step_run r JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id
            WHERE e.journey_id = ANY($1::text[]) AND r.deleted_at IS NULL
            GROUP BY e.journey_id, r.step_id`,
          [journeyIds]
        ),
      ])
    )
    return journeyIds.map((journeyId) => {
      const steps = new Map<string, JourneyStepFigures>()
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
      client.query(
        `SELECT e.id AS enrollment_id, j.name, v.graph,
                (SELECT r.detail ->> 'code' FROM marketing_journey_step_run r
                  WHERE r.enrollment_id = e.id AND r.detail ->> 'code' IS NOT NULL AND r.deleted_at IS NULL
                  ORDER BY r.at DESC LIMIT 1) AS promotion_code
           FROM marketing_journey_enrollment e
           JOIN marketing_journey_version v ON v.id = e.version_id
           JOIN marketing_journey j ON j.id = e.journey_id
          WHERE e.id = ANY($1::text[])`,
        [[...new Set(keys.map((k) => k.enrollment_id))]]
      )
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
