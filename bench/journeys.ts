/**
 * `npm run bench:journeys`: the journey worker's claim, timed on the automation module's own tables
 * (its committed migrations, applied to a throw-away PostgreSQL), for a batch of 1,000 due
 * enrollments with nothing else waiting and then with 1,000,000 enrollments waiting behind them, side
 * by side, with the storage a waiting enrollment costs (heap and each index) and the claim's plan.
 * Next to the claim as it is (a lease column, a HOT update), the same run times the claim as it was
 * (pushing `due_at`, which every claimed row wrote into every index), interleaved, and the share of
 * HOT updates each made. Then the admin's reads of one journey's enrollments (figures, the list's
 * page and count, archiving), with and without the index by journey, and the claim again without
 * it. Each timed statement runs in a transaction that is rolled back, so every run claims the same
 * 1,000 rows; the table is vacuumed between runs so that rolled-back versions do not pile up.
 * BENCH_WAITING changes the number waiting, BENCH_RUNS the runs per side.
 *
 * Then, end to end (bench/journeys/flow-phase.ts): BENCH_CONTACTS contacts enter a journey through
 * real events on a Medusa host with the plugin, its worker runs them through, and the same
 * claim-and-advance runs as a bare SQL loop, side by side. BENCH_PHASES=claim or =flow runs one phase.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { CLAIM_DUE_ENROLLMENTS_SQL } from "../src/modules/automation/lib/claim-due-enrollments-sql"
import { EXIT_RUNNING_ENROLLMENTS_SQL, JOURNEY_STEP_STANDING_SQL, JOURNEY_TOTALS_SQL } from "../src/modules/automation/lib/journey-figures-sql"
import { JOURNEY_BATCH_SIZE, JOURNEY_LEASE_MS } from "../src/lib/journey-runner"
import { runBenchmark } from "./lib/harness"
import { flowPhase } from "./journeys/flow-phase"

const WAITING = Number(process.env.BENCH_WAITING ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const BATCH = 1_000
const JOURNEYS = 20
const TARGET_MS = 20
const PHASES = (process.env.BENCH_PHASES ?? "claim,flow").split(",")
const ROOT = path.resolve(__dirname, "..")
const MIGRATIONS = path.join(ROOT, "src/modules/automation/migrations")
const JOURNEY_INDEX = "IDX_marketing_journey_enrollment_journey_id_state_step_id"

/** The claim before the lease column: pushing `due_at` was the lease, so each claimed row changed an indexed column. */
const PREVIOUS_CLAIM_SQL = CLAIM_DUE_ENROLLMENTS_SQL.replace("\n            AND (e.leased_until IS NULL OR e.leased_until <= now())", "").replace(
  "SET leased_until = now()",
  "SET due_at = now()"
)
/** The admin's list of a journey's enrollments as query.graph asks for it: a page, newest first, and the count. */
const LIST_PAGE_SQL = `SELECT id, contact_id, state, step_id, due_at, entered_at FROM marketing_journey_enrollment
  WHERE journey_id = $1 AND deleted_at IS NULL ORDER BY entered_at DESC LIMIT 50`
const LIST_COUNT_SQL = `SELECT count(*) FROM marketing_journey_enrollment WHERE journey_id = $1 AND deleted_at IS NULL`
const RUNNING_LIST_COUNT_SQL = `SELECT count(*) FROM marketing_journey_enrollment WHERE journey_id = $1 AND state IN ('active', 'waiting') AND deleted_at IS NULL`

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const rss = () => process.memoryUsage().rss

/** The automation module's migrations as SQL, in order, collected from their `up()` without MikroORM. */
async function migrationSql(): Promise<string[]> {
  const statements: string[] = []
  for (const file of fs.readdirSync(MIGRATIONS).filter((f) => /^Migration\d+\.ts$/.test(f)).sort()) {
    const module = require(path.join(MIGRATIONS, file))
    const Migration = Object.values(module)[0] as { prototype: { up: () => Promise<void> } }
    const collector = Object.create(Migration.prototype, { addSql: { value: (sql: string) => statements.push(sql) } })
    await collector.up()
  }
  return statements
}

/** Enrollment rows with ids, contacts and journeys of real length, due `dueSql` (an expression of i), at one of 5 steps. */
const insertEnrollments = (from: number, to: number, state: string, dueSql: string) => `
  INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at)
  SELECT 'mjenr_' || md5(i::text || '${state}')::varchar(26), 'mjrny_bench' || (i % ${JOURNEYS}), 'mjver_bench' || (i % ${JOURNEYS}),
         'mcon_' || md5(i::text)::varchar(26), '${state}', 'step_' || (i % 5), 1, ${dueSql}, 0, now() - (i % 1000 || ' minutes')::interval
    FROM generate_series(${from}, ${to}) AS i`

type Timed = { sql: string; params: unknown[] }
const claim = (sql: string, batch = BATCH): Timed => ({ sql, params: [batch, JOURNEY_LEASE_MS, null] })

/** Times each statement, interleaved, RUNS times after two warm-up rounds, each rolled back. */
async function time(client: Client, statements: Timed[], runs = RUNS): Promise<{ median: number; rows: number }[]> {
  const times: number[][] = statements.map(() => [])
  const rows: number[] = statements.map(() => 0)
  for (let run = 0; run < runs + 2; run++) {
    for (const [i, { sql, params }] of statements.entries()) {
      await client.query("BEGIN")
      const started = process.hrtime.bigint()
      const { rowCount } = await client.query(sql, params)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      await client.query("ROLLBACK")
      await client.query("VACUUM marketing_journey_enrollment")
      rows[i] = rowCount ?? 0
      if (run >= 2) times[i].push(ms)
    }
  }
  return times.map((t, i) => ({ median: median(t), rows: rows[i] }))
}

/** The share of one claim's row updates that were HOT (wrote no index entry), read in its own transaction. */
async function hotShare(client: Client, sql: string): Promise<number> {
  await client.query("BEGIN")
  await client.query(sql, [BATCH, JOURNEY_LEASE_MS, null])
  const { rows: [counts] } = await client.query(
    `SELECT n_tup_upd AS updated, n_tup_hot_upd AS hot FROM pg_stat_xact_user_tables WHERE relname = 'marketing_journey_enrollment'`
  )
  await client.query("ROLLBACK")
  await client.query("VACUUM marketing_journey_enrollment")
  return Number(counts.hot) / Math.max(1, Number(counts.updated))
}

async function sizes(client: Client) {
  const { rows } = await client.query(`
    SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes, c.relkind AS kind
      FROM pg_class c
     WHERE c.oid = 'marketing_journey_enrollment'::regclass
        OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'marketing_journey_enrollment'::regclass)
     ORDER BY c.relkind DESC, c.relname`)
  return rows.map((r) => ({ name: r.name as string, bytes: Number(r.bytes), index: r.kind === "i" }))
}

async function claimPhase() {
  const { startPostgres, ensureDatabase } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marketing-bench-journeys-"))
  const db = await startPostgres({ dataDir })
  const client = new Client({ connectionString: db.url("marketing_bench_journeys") })
  try {
    await ensureDatabase(db, "marketing_bench_journeys")
    await client.connect()
    const migrations = await migrationSql()
    for (const sql of migrations) await client.query(sql)
    const journeyIndexSql = migrations.find((sql) => sql.includes(`CREATE INDEX IF NOT EXISTS "${JOURNEY_INDEX}"`))!
    await client.query(`
      INSERT INTO marketing_journey (id, name, status, live_version_id, trigger_kind)
      SELECT 'mjrny_bench' || i, 'Bench ' || i, 'live', 'mjver_bench' || i, 'custom.event' FROM generate_series(0, ${JOURNEYS - 1}) AS i`)

    // The 1,000 due: waits that ended in the last hour.
    await client.query(insertEnrollments(1, BATCH, "waiting", `now() - (i || ' seconds')::interval`))
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")
    const empty = await sizes(client)
    const [alonePrevious, aloneNow] = await time(client, [claim(PREVIOUS_CLAIM_SQL), claim(CLAIM_DUE_ENROLLMENTS_SQL)])

    let t = Date.now()
    const rssBefore = rss()
    // Waiting behind them: due over the next 3 days, as the earlier measurements had them.
    await client.query(insertEnrollments(BATCH + 1, BATCH + WAITING, "waiting", `now() + (random() * interval '3 days') + interval '1 minute'`))
    const loadSeconds = ((Date.now() - t) / 1000).toFixed(1)
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")
    const full = await sizes(client)
    const [behindPrevious, behindNow, workerBatch] = await time(client, [
      claim(PREVIOUS_CLAIM_SQL),
      claim(CLAIM_DUE_ENROLLMENTS_SQL),
      claim(CLAIM_DUE_ENROLLMENTS_SQL, JOURNEY_BATCH_SIZE),
    ])
    const [hotPrevious, hotNow] = [await hotShare(client, PREVIOUS_CLAIM_SQL), await hotShare(client, CLAIM_DUE_ENROLLMENTS_SQL)]
    const rssAfter = rss()

    // One journey's reads, as the admin makes them, with and without the index by journey.
    const journey = "mjrny_bench1"
    const reads: [string, Timed][] = [
      ["figures: totals by state", { sql: JOURNEY_TOTALS_SQL, params: [[journey]] }],
      ["figures: running and failed per step", { sql: JOURNEY_STEP_STANDING_SQL, params: [[journey]] }],
      ["list: count of running", { sql: RUNNING_LIST_COUNT_SQL, params: [journey] }],
      ["list: count of all", { sql: LIST_COUNT_SQL, params: [journey] }],
      ["list: page of 50, newest first", { sql: LIST_PAGE_SQL, params: [journey] }],
      ["archive: exit the running ones", { sql: EXIT_RUNNING_ENROLLMENTS_SQL, params: [journey] }],
    ]
    const readRuns = Math.max(3, Math.ceil(RUNS / 3))
    const withIndex = await time(client, reads.map(([, timed]) => timed), readRuns)
    await client.query(`DROP INDEX "${JOURNEY_INDEX}"`)
    const withoutIndex = await time(client, reads.map(([, timed]) => timed), readRuns)
    const [claimWithoutIndex] = await time(client, [claim(CLAIM_DUE_ENROLLMENTS_SQL)])
    await client.query(journeyIndexSql)
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")

    await client.query("BEGIN")
    const { rows: plan } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${CLAIM_DUE_ENROLLMENTS_SQL}`, [BATCH, JOURNEY_LEASE_MS, null])
    await client.query("ROLLBACK")

    const load = os.loadavg()[0].toFixed(1)
    console.log(`\nbench:journeys — claim of ${BATCH.toLocaleString()} due enrollments (${JOURNEYS} live journeys), median of ${RUNS} runs, load average ${load}`)
    console.log(`loaded ${WAITING.toLocaleString()} waiting enrollments in ${loadSeconds} s\n`)
    console.log(`| waiting behind the due | before: due_at pushed (ms) | now: lease column (ms) | claimed | target |`)
    console.log(`| ---: | ---: | ---: | ---: | --- |`)
    console.log(`| 0 | ${alonePrevious.median.toFixed(1)} | ${aloneNow.median.toFixed(1)} | ${aloneNow.rows} | |`)
    const verdict = behindNow.median <= TARGET_MS ? "pass" : "FAIL"
    console.log(`| ${WAITING.toLocaleString()} | ${behindPrevious.median.toFixed(1)} | ${behindNow.median.toFixed(1)} | ${behindNow.rows} | ≤ ${TARGET_MS} ms: ${verdict} |`)
    const workerVerdict = workerBatch.median <= TARGET_MS ? "pass" : "FAIL"
    console.log(`the worker's own claim (${JOURNEY_BATCH_SIZE} at a time) at ${WAITING.toLocaleString()} waiting: ${workerBatch.median.toFixed(1)} ms (≤ ${TARGET_MS} ms: ${workerVerdict})`)
    console.log(`HOT updates of a claim at ${WAITING.toLocaleString()} waiting: before ${(hotPrevious * 100).toFixed(0)}%, now ${(hotNow * 100).toFixed(0)}%`)
    console.log(`the claim without the index by journey: ${claimWithoutIndex.median.toFixed(1)} ms (with it: ${behindNow.median.toFixed(1)} ms)`)
    console.log(`bench process RSS before and after loading and claiming: ${mb(rssBefore)} → ${mb(rssAfter)}`)

    const journeyRows = Math.round((BATCH + WAITING) / JOURNEYS)
    console.log(`\none journey's reads (${journeyRows.toLocaleString()} running enrollments), median of ${readRuns}:\n`)
    console.log(`| read | without the index by journey (ms) | with it (ms) | rows |`)
    console.log(`| --- | ---: | ---: | ---: |`)
    for (const [i, [name]] of reads.entries()) {
      console.log(`| ${name} | ${withoutIndex[i].median.toFixed(1)} | ${withIndex[i].median.toFixed(1)} | ${withIndex[i].rows} |`)
    }

    console.log(`\nstorage per waiting enrollment (${WAITING.toLocaleString()} rows):`)
    let total = 0
    for (const relation of full) {
      const grown = relation.bytes - (empty.find((e) => e.name === relation.name)?.bytes ?? 0)
      total += grown
      console.log(`  ${relation.index ? "index" : "heap "} ${relation.name}: ${mb(grown)} (${(grown / WAITING).toFixed(0)} B)`)
    }
    console.log(`  all: ${mb(total)} (${(total / WAITING).toFixed(0)} B per waiting enrollment)`)
    console.log(`\nplan with ${WAITING.toLocaleString()} waiting (rolled back):`)
    for (const row of plan) console.log(`  ${row["QUERY PLAN"]}`)
  } finally {
    await client.end().catch(() => undefined)
    await db.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

runBenchmark(async () => {
  if (PHASES.includes("claim")) await claimPhase()
  if (PHASES.includes("flow")) await flowPhase()
})
