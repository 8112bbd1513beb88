/**
 * The journey worker's claim-and-advance without Medusa: plain SQL from Node through `pg`, on copies
 * of the automation module's tables (schema `bare`, same columns and indexes), for the benchmark's
 * journey. Each round claims due enrollments with the very statement the service runs (FOR UPDATE
 * SKIP LOCKED, under a lease), walks each one through its steps up to the next wait or the end
 * (one step run per step left, keyed as the plugin keys them), and moves it, all in one transaction.
 * Idle, it polls as often as the plugin's worker does.
 */
import { Client } from "pg"
import { CLAIM_DUE_ENROLLMENTS_SQL } from "../../src/modules/automation/lib/claim-due-enrollments-sql"
import { stepRunKey } from "../../src/modules/automation/lib/step-run-key"
import { JOURNEY_BATCH_SIZE, JOURNEY_LEASE_MS } from "../../src/lib/journey-runner"
import { sleep } from "../lib/harness"
import { FLOW_FIGURES_SQL } from "./flow-figures-sql"

const POLL_MS = 1_000
/** The benchmark journey's way through: each step and where it leads (null: the end). */
const NEXT: Record<string, { outcome: string; to: string | null }> = {
  first_wait: { outcome: "next", to: "branch" },
  branch: { outcome: "no", to: "send" },
  send: { outcome: "next", to: "second_wait" },
  second_wait: { outcome: "next", to: null },
}
const isWait = (step: string) => step.endsWith("wait")

type Claimed = { id: string; state: string; step_id: string; sequence: number }
type Move = { id: string; state: string; step_id: string | null; advanced: number; wait: boolean }

const TABLES = ["marketing_journey", "marketing_journey_enrollment", "marketing_journey_step_run"]

/** One round's walk of a claimed enrollment: its step runs and where it stops. */
function walk(e: Claimed): { runs: { step_id: string; outcome: string; key: string }[]; move: Move } {
  const runs: { step_id: string; outcome: string; key: string }[] = []
  let step: string | null = e.step_id
  let waiting = e.state === "waiting"
  while (step) {
    if (isWait(step) && !waiting) return { runs, move: { id: e.id, state: "waiting", step_id: step, advanced: runs.length, wait: true } }
    const { outcome, to }: { outcome: string; to: string | null } = NEXT[step]
    runs.push({ step_id: step, outcome, key: stepRunKey(e.id, step, e.sequence + runs.length) })
    step = to
    waiting = false
  }
  return { runs, move: { id: e.id, state: "completed", step_id: null, advanced: runs.length, wait: false } }
}

export async function bareJourneyLoop(url: string, { journeyId, contacts, waitSeconds }: { journeyId: string; contacts: number; waitSeconds: number }) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    await client.query("DROP SCHEMA IF EXISTS bare CASCADE; CREATE SCHEMA bare")
    for (const table of TABLES) await client.query(`CREATE TABLE bare.${table} (LIKE public.${table} INCLUDING ALL)`)
    await client.query(`INSERT INTO bare.marketing_journey SELECT * FROM public.marketing_journey WHERE id = $1`, [journeyId])
    await client.query("SET search_path = bare")
    await client.query(
      `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at)
       SELECT 'mjenr_bare' || i, j.id, j.live_version_id, 'mcon_bare' || i, 'active', 'first_wait', 0, now(), 0, now()
         FROM marketing_journey j, generate_series(1, $2::int) AS i WHERE j.id = $1`,
      [journeyId, contacts]
    )
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")
    const started = Date.now()
    let recorded = 0
    for (;;) {
      await client.query("BEGIN")
      const { rows } = await client.query<Claimed>(CLAIM_DUE_ENROLLMENTS_SQL, [JOURNEY_BATCH_SIZE, JOURNEY_LEASE_MS, null])
      const walked = rows.map(walk)
      // Ordered ids, as the plugin's are: the runs of one round share their transaction's time.
      const runs = walked.flatMap(({ runs, move }) => runs.map((r) => ({ ...r, id: `mjrun_${String(recorded++).padStart(12, "0")}`, enrollment_id: move.id })))
      if (runs.length) {
        await client.query(
          `INSERT INTO marketing_journey_step_run (id, enrollment_id, step_id, outcome, idempotency_key, at, created_at, updated_at)
           SELECT id, e, s, o, k, now(), now(), now()
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(e, s, o, k, id)
           ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING`,
          [runs.map((r) => r.enrollment_id), runs.map((r) => r.step_id), runs.map((r) => r.outcome), runs.map((r) => r.key), runs.map((r) => r.id)]
        )
      }
      if (rows.length) {
        const moves = walked.map((w) => w.move)
        await client.query(
          `UPDATE marketing_journey_enrollment e
              SET state = m.state, step_id = COALESCE(m.step_id, e.step_id), sequence = e.sequence + m.advanced, attempts = 0,
                  due_at = CASE WHEN m.wait THEN now() + make_interval(secs => $6::float8) ELSE e.due_at END,
                  waiting_until = CASE WHEN m.wait THEN now() + make_interval(secs => $6::float8) END,
                  leased_until = NULL, ended_at = CASE WHEN m.wait THEN NULL ELSE now() END, updated_at = now()
             FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::bool[]) AS m(id, state, step_id, advanced, wait)
            WHERE e.id = m.id`,
          [moves.map((m) => m.id), moves.map((m) => m.state), moves.map((m) => m.step_id), moves.map((m) => m.advanced), moves.map((m) => m.wait), waitSeconds]
        )
      }
      await client.query("COMMIT")
      if (rows.length === JOURNEY_BATCH_SIZE) continue
      const { rows: [{ running }] } = await client.query(`SELECT count(*)::int AS running FROM marketing_journey_enrollment WHERE state IN ('active', 'waiting')`)
      if (!running) break
      if (!rows.length) await sleep(POLL_MS)
    }
    const totalSeconds = (Date.now() - started) / 1000
    const { rows: [figures] } = await client.query(FLOW_FIGURES_SQL, [journeyId, waitSeconds])
    return { ...figures, total_seconds: totalSeconds }
  } finally {
    await client.end()
  }
}
