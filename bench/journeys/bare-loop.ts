/**
 * The journey worker's claim-and-advance without Medusa: plain SQL from Node through `pg`, on copies
 * of the automation module's tables and the message queue (schema `bare`, same columns, indexes,
 * foreign keys among them and storage parameters;
 * contacts, suppressions and purchases read from the plugin's), for the benchmark's journey. It does
 * the worker's work per transition, with the worker's own statements: claims due enrollments (FOR
 * UPDATE SKIP LOCKED, under a lease), reads the claimed contacts, and then, one step per enrollment
 * per round as the worker goes, reads their purchases since entry (the goal and the branch) and who
 * of them is still reachable by email (the journey's default exit when unsubscribed), finds which of
 * those at the send step are reachable and queues their messages under the step run's key,
 * reads the messages' ids back, and records the round's step runs and moves in one statement.
 * Idle, it polls as often as the plugin's worker does. Busy time is the sum of the claims that found
 * something, timed from the claim to the last move.
 */
import { Client } from "pg"
import { CLAIM_DUE_ENROLLMENTS_SQL } from "../../src/modules/automation/lib/claim-due-enrollments-sql"
import { stepRunKey } from "../../src/modules/automation/lib/step-run-key"
import { RECORD_STEPS } from "../../src/modules/automation/statements/enrollments"
import { PURCHASES_SINCE, selectContactFields } from "../../src/modules/audience/statements/contacts"
import { reachableContactsPage } from "../../src/modules/audience/statements/segments"
import { MESSAGE_IDS_BY_KEY, QUEUE_MESSAGES } from "../../src/modules/messaging/statements/queue"
import { CONTACT_FACT_FIELDS } from "../../src/lib/automation/load-step-facts"
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

type Running = { id: string; contact_id: string; state: string; step_id: string; sequence: number; entered_at: Date; due_at: Date }
/** RECORD_STEPS' columns for one enrollment's step. */
type Step = {
  running: Running
  state: string
  step_id: string | null
  due_at: Date | null
  advanced: number
  order_id: string | null
  outcome: string
  detail: string | null
  key: string | null
}

const TABLES = ["marketing_journey", "marketing_journey_enrollment", "marketing_journey_step_run", "marketing_message"]

/**
 * The copies of the tables, with an enrollment of the journey per contact at its first wait, the wait just ended.
 * `historyOf` (a journey) copies that journey's enrollments, step runs and messages too: what the plugin's tables
 * held when its backlog began, so that both sides write into tables and indexes of the same size.
 */
export async function prepareBareLoop(
  url: string,
  { journeyId, contactIds, waitSeconds, historyOf = null }: { journeyId: string; contactIds: string[]; waitSeconds: number; historyOf?: string | null }
) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    await client.query("DROP SCHEMA IF EXISTS bare CASCADE; CREATE SCHEMA bare")
    for (const table of TABLES) await client.query(`CREATE TABLE bare.${table} (LIKE public.${table} INCLUDING ALL)`)
    // What LIKE leaves out: the tables' storage parameters (the enrollments' fillfactor) and their foreign keys among themselves.
    const { rows: extras } = await client.query(
      `SELECT c.relname, c.reloptions, (SELECT array_agg(pg_get_constraintdef(k.oid)) FROM pg_constraint k
                                          WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid::regclass::text = ANY($1)) AS foreign_keys
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1)`,
      [TABLES]
    )
    await client.query("SET search_path = bare")
    for (const { relname, reloptions, foreign_keys } of extras) {
      if (reloptions) await client.query(`ALTER TABLE ${relname} SET (${reloptions.join(", ")})`)
      for (const key of foreign_keys ?? []) await client.query(`ALTER TABLE ${relname} ADD ${key}`)
    }
    await client.query(`INSERT INTO marketing_journey SELECT * FROM public.marketing_journey WHERE id = ANY($1::text[])`, [[journeyId, historyOf]])
    if (historyOf) {
      await client.query(`INSERT INTO marketing_journey_enrollment SELECT * FROM public.marketing_journey_enrollment WHERE journey_id = $1`, [historyOf])
      await client.query(
        `INSERT INTO marketing_journey_step_run SELECT r.* FROM public.marketing_journey_step_run r
           JOIN marketing_journey_enrollment e ON e.id = r.enrollment_id`
      )
      await client.query(
        `INSERT INTO marketing_message SELECT m.* FROM public.marketing_message m
          WHERE m.id IN (SELECT r.detail ->> 'message_id' FROM marketing_journey_step_run r WHERE r.detail ? 'message_id')`
      )
      for (const table of TABLES) await client.query(`VACUUM ANALYZE ${table}`)
    }
    await client.query(
      `INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, waiting_until, attempts, entered_at)
       SELECT 'mjenr_bare' || i, j.id, j.live_version_id, c, 'waiting', 'first_wait', 0, now(), now(), 0, now() - make_interval(secs => $3::float8)
         FROM marketing_journey j, unnest($2::text[]) WITH ORDINALITY AS u(c, i) WHERE j.id = $1`,
      [journeyId, contactIds, waitSeconds]
    )
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")
  } finally {
    await client.end()
  }
}

export async function bareJourneyLoop(url: string, { journeyId, waitSeconds }: { journeyId: string; waitSeconds: number }) {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    await client.query("SET search_path = bare, public")
    const started = Date.now()
    let busyMs = 0
    for (;;) {
      const claimStarted = process.hrtime.bigint()
      const { rows: claimed } = await client.query<Running>(CLAIM_DUE_ENROLLMENTS_SQL, [JOURNEY_BATCH_SIZE, JOURNEY_LEASE_MS, null])
      if (claimed.length) {
        await runClaimed(client, claimed, waitSeconds)
        busyMs += Number(process.hrtime.bigint() - claimStarted) / 1e6
      }
      if (claimed.length === JOURNEY_BATCH_SIZE) continue
      const { rows: [{ running }] } = await client.query(`SELECT count(*)::int AS running FROM marketing_journey_enrollment WHERE state IN ('active', 'waiting')`)
      if (!running) break
      if (!claimed.length) await sleep(POLL_MS)
    }
    const totalSeconds = (Date.now() - started) / 1000
    const { rows: [figures] } = await client.query(FLOW_FIGURES_SQL, [journeyId, waitSeconds])
    return { ...figures, busy_seconds: busyMs / 1000, total_seconds: totalSeconds }
  } finally {
    await client.end()
  }
}

async function runClaimed(client: Client, claimed: Running[], waitSeconds: number) {
  const contactIds = [...new Set(claimed.map((e) => e.contact_id))]
  const { rows: contacts } = await client.query(selectContactFields(CONTACT_FACT_FIELDS), [contactIds])
  const known = new Set(contacts.map((c: { id: string }) => c.id))
  let running = claimed.filter((e) => known.has(e.contact_id))
  while (running.length) {
    const since = new Date(Math.min(...running.map((e) => new Date(e.entered_at).getTime())))
    const { rows: purchases } = await client.query(PURCHASES_SINCE, [[...new Set(running.map((e) => e.contact_id))], since])
    const ordered = new Set(purchases.map((p: { contact_id: string }) => p.contact_id))
    // The journey's exit rule (when unsubscribed, the default): who is still reachable by email.
    const subscribed = await reachable(client, running.map((e) => e.contact_id))
    const steps = running.map((e) => stepOf(e, ordered.has(e.contact_id), !subscribed.has(e.contact_id), waitSeconds))
    await queueSends(client, steps.filter((s) => s.running.step_id === "send" && s.key))
    const { rows: moved } = await client.query<{ id: string }>(RECORD_STEPS, [
      steps.map((s) => s.running.id),
      steps.map((s) => s.running.sequence),
      steps.map((s) => s.state),
      steps.map((s) => s.step_id),
      steps.map((s) => s.due_at),
      steps.map((s) => s.advanced),
      steps.map((s) => s.order_id),
      steps.map(() => null),
      steps.map(() => null),
      steps.map((s) => s.running.due_at),
      steps.map((s) => s.running.step_id),
      steps.map((s) => s.outcome),
      steps.map((s) => s.detail),
      steps.map((s) => s.key),
    ])
    const movedIds = new Set(moved.map((m) => m.id))
    running = steps
      .filter((s) => s.state === "active" && movedIds.has(s.running.id))
      .map((s) => ({ ...s.running, state: "active", step_id: s.step_id!, sequence: s.running.sequence + 1 }))
  }
}

/** One step of one enrollment: a wait reached parks, a wait ended or any other step goes on. */
function stepOf(e: Running, ordered: boolean, unsubscribed: boolean, waitSeconds: number): Step {
  const base = { running: e, order_id: null, detail: null }
  const key = stepRunKey(e.id, e.step_id, e.sequence)
  if (ordered) return { ...base, state: "converted", step_id: null, due_at: null, advanced: 1, outcome: "goal_reached", key }
  if (unsubscribed) return { ...base, state: "exited", step_id: null, due_at: null, advanced: 1, outcome: "unsubscribed", key }
  if (isWait(e.step_id) && e.state !== "waiting") {
    return { ...base, state: "waiting", step_id: e.step_id, due_at: new Date(Date.now() + waitSeconds * 1000), advanced: 0, outcome: "wait", key: null }
  }
  const { outcome, to } = NEXT[e.step_id]
  return to
    ? { ...base, state: "active", step_id: to, due_at: new Date(), advanced: 1, outcome, key }
    : { ...base, state: "completed", step_id: null, due_at: null, advanced: 1, outcome: "end_of_journey", key }
}

/** Queues the messages of the round's sends to the reachable contacts, and records each message's id in its step. */
async function queueSends(client: Client, sends: Step[]) {
  if (!sends.length) return
  const addresses = await reachable(client, sends.map((s) => s.running.contact_id))
  const queued = sends.filter((s) => addresses.has(s.running.contact_id))
  const now = new Date()
  await client.query(QUEUE_MESSAGES, [
    queued.map(() => null),
    queued.map((s) => s.running.contact_id),
    queued.map(() => "email"),
    queued.map((s) => addresses.get(s.running.contact_id)),
    queued.map((s) => s.key),
    queued.map(() => now),
    queued.map(() => false),
    null,
    null,
    queued.map(() => null),
    queued.map(() => null),
  ])
  const { rows: messages } = await client.query(MESSAGE_IDS_BY_KEY, [queued.map((s) => s.key)])
  const idOf = new Map(messages.map((m: { id: string; idempotency_key: string }) => [m.idempotency_key, m.id]))
  for (const s of sends) s.detail = JSON.stringify(idOf.has(s.key!) ? { message_id: idOf.get(s.key!) } : { skipped: "no_address" })
}

/** The contacts among these that an email reaches (consent, address, suppression), with their address. */
async function reachable(client: Client, contactIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(contactIds)]
  const { rows } = await client.query(reachableContactsPage("c.id = ANY($1::text[])", 1, "email", ids.length), [ids, "email", null])
  return new Map(rows.map((r: { id: string; address: string }) => [r.id, r.address]))
}
