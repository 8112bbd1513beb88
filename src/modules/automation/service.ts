import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { pgConnection, pgStatement, pgTransaction } from "../../lib/pg-transaction"
import { parseStepRunKey } from "./lib/step-run-key"
import Journey from "./models/journey"
import JourneyEnrollment from "./models/journey-enrollment"
import JourneyStepRun from "./models/journey-step-run"
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
  /** Its due time before the claim pushed it: a waiting enrollment's wait end. */
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
}

export default class AutomationModuleService extends MedusaService({
  Journey,
  JourneyVersion,
  JourneyEnrollment,
  JourneyStepRun,
}) {
  /**
   * Starts these contacts on a version's first step, due now. A contact already running in the
   * journey is left out (the one-running unique index): two triggers at once enrol once.
   * Returns the enrollments made.
   */
  @InjectManager()
  async enroll(
    rows: { journey_id: string; version_id: string; contact_id: string; step_id: string }[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<{ id: string; journey_id: string; contact_id: string }[]> {
    if (!rows.length) return []
    const column = (key: keyof (typeof rows)[number]) => rows.map((row) => row[key])
    const { rows: created } = await pgStatement(
      context,
      `INSERT INTO marketing_journey_enrollment
         (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at, created_at, updated_at)
       SELECT ${newId("mjenr")}, r.journey_id, r.version_id, r.contact_id, 'active', r.step_id, 0, now(), 0, now(), now(), now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS r(journey_id, version_id, contact_id, step_id)
       ON CONFLICT (contact_id, journey_id) WHERE state IN ('active', 'waiting') AND deleted_at IS NULL DO NOTHING
       RETURNING id, journey_id, contact_id`,
      [column("journey_id"), column("version_id"), column("contact_id"), column("step_id")]
    )
    return created
  }

  /**
   * Claims up to `limit` due enrollments of live journeys for `leaseMs`: rows another worker holds
   * are skipped, and pushing `due_at` is the lease (a worker that dies releases them when it passes).
   */
  @InjectManager()
  async claimDueEnrollments(
    { limit, leaseMs, ids }: { limit: number; leaseMs: number; ids?: string[] },
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<ClaimedEnrollment[]> {
    const { rows } = await pgStatement(
      context,
      `WITH due AS (
         SELECT e.id, e.due_at FROM marketing_journey_enrollment e
           JOIN marketing_journey j ON j.id = e.journey_id AND j.status = 'live' AND j.deleted_at IS NULL
          WHERE e.state IN ('active', 'waiting') AND e.deleted_at IS NULL AND e.due_at <= now()
            AND ($3::text[] IS NULL OR e.id = ANY($3::text[]))
          ORDER BY e.due_at LIMIT $1
          FOR UPDATE OF e SKIP LOCKED)
       UPDATE marketing_journey_enrollment e
          SET due_at = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
         FROM due WHERE e.id = due.id
       RETURNING e.id, e.journey_id, e.version_id, e.contact_id, e.state, e.step_id, e.sequence, e.attempts, e.entered_at,
                 CASE WHEN e.state = 'waiting' THEN due.due_at END AS waiting_until`,
      [limit, leaseMs, ids ?? null]
    )
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
            SET state = $3, step_id = $4, due_at = $5, sequence = sequence + $6::int, attempts = 0, last_error = NULL,
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
        ]
      )
      if (!rowCount) return false
      if (step.idempotency_key === null) return true
      await client.query(
        `INSERT INTO marketing_journey_step_run (id, enrollment_id, step_id, outcome, detail, idempotency_key, at, created_at, updated_at)
         VALUES (${newId("mjrun")}, $1, $2, $3, $4, $5, now(), now(), now())
         ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`,
        [step.enrollment_id, step.step_id, step.outcome, step.detail === null ? null : JSON.stringify(step.detail), step.idempotency_key]
      )
      return true
    })
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
              due_at = $4::timestamptz, ended_at = CASE WHEN $4::timestamptz IS NULL THEN now() END
        WHERE id = $1 AND sequence = $2 AND state IN ('active', 'waiting')`,
      [enrollment_id, sequence, error.slice(0, 2000), retry_at]
    )
  }

  /** Ends the running enrollments of a journey (archived): they are exited where they stand. */
  @InjectManager()
  async exitRunningEnrollments(journeyId: string, @MedusaContext() context: Context<EntityManager> = {}): Promise<string[]> {
    const { rows } = await pgStatement(
      context,
      `UPDATE marketing_journey_enrollment SET state = 'exited', due_at = NULL, ended_at = now(), last_error = NULL, updated_at = now()
        WHERE journey_id = $1 AND state IN ('active', 'waiting') AND deleted_at IS NULL
        RETURNING id`,
      [journeyId]
    )
    return rows.map((row: { id: string }) => row.id)
  }

  /** The send steps' content of journey messages, by the message's idempotency key (its step run key). */
  @InjectManager()
  async sendContents(
    messageKeys: string[],
    @MedusaContext() context: Context<EntityManager> = {}
  ): Promise<Map<string, { name: string; subject: string | null; body: string }>> {
    const contents = new Map<string, { name: string; subject: string | null; body: string }>()
    const keys = messageKeys.flatMap((key) => {
      const parsed = parseStepRunKey(key)
      return parsed ? [{ key, ...parsed }] : []
    })
    if (!keys.length) return contents
    const { rows } = await pgConnection(context, (client) =>
      client.query(
        `SELECT e.id AS enrollment_id, j.name, v.graph FROM marketing_journey_enrollment e
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
      if (step?.kind === "send") contents.set(key, { name: row.name, subject: step.subject ?? null, body: step.body ?? "" })
    }
    return contents
  }
}
