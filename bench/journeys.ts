/**
 * `npm run bench:journeys`: the journey worker's claim, timed on the automation module's own tables
 * (its committed migrations, applied to a throw-away PostgreSQL), for a batch of 1,000 due
 * enrollments with nothing else waiting and then with 1,000,000 enrollments waiting behind them, side
 * by side, with the storage a waiting enrollment costs (heap and each index) and the claim's plan.
 * Next to the claim as it is, the same run times the claim as it was before (a join on live journeys,
 * and an entry index holding running enrollments too), interleaved. Each timed claim runs in a
 * transaction that is rolled back, so every run claims the same 1,000 rows; the table is vacuumed
 * between runs so that the rolled-back versions do not pile up. BENCH_WAITING changes the number
 * waiting, BENCH_RUNS the runs per side.
 */
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { CLAIM_DUE_ENROLLMENTS_SQL } from "../src/modules/automation/lib/claim-due-enrollments-sql"
import { JOURNEY_LEASE_MS } from "../src/lib/journey-runner"

const WAITING = Number(process.env.BENCH_WAITING ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const BATCH = 1_000
const JOURNEYS = 20
const TARGET_MS = 20
const ROOT = path.resolve(__dirname, "..")
const MIGRATIONS = path.join(ROOT, "src/modules/automation/migrations")

/** The claim before this bench: the live journeys joined, which the planner ran as one due-index scan per journey, sorted. */
const PREVIOUS_CLAIM_SQL = CLAIM_DUE_ENROLLMENTS_SQL.replace(
  /\n\s*AND e\.journey_id = ANY\(ARRAY\(SELECT j\.id FROM marketing_journey j WHERE j\.status = 'live' AND j\.deleted_at IS NULL\)\)/,
  ""
).replace(
  "FROM marketing_journey_enrollment e\n",
  "FROM marketing_journey_enrollment e\n           JOIN marketing_journey j ON j.id = e.journey_id AND j.status = 'live' AND j.deleted_at IS NULL\n"
)
/** The entry index before this bench's migration: every enrollment, running ones too. */
const PREVIOUS_ENTRY_INDEX = `CREATE INDEX bench_previous_entry ON marketing_journey_enrollment (journey_id, contact_id, entered_at) WHERE deleted_at IS NULL`

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

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

/** Enrollment rows with ids, contacts and journeys of real length, due `dueSql` (an expression of i). */
const insertEnrollments = (from: number, to: number, state: string, dueSql: string) => `
  INSERT INTO marketing_journey_enrollment (id, journey_id, version_id, contact_id, state, step_id, sequence, due_at, attempts, entered_at)
  SELECT 'mjenr_' || md5(i::text || '${state}')::varchar(26), 'mjrny_bench' || (i % ${JOURNEYS}), 'mjver_bench' || (i % ${JOURNEYS}),
         'mcon_' || md5(i::text)::varchar(26), '${state}', 'wait_a_day', 1, ${dueSql}, 0, now() - interval '1 day'
    FROM generate_series(${from}, ${to}) AS i`

type Timing = { median: number; claimed: number }

/** Times each statement, interleaved, RUNS times after two warm-up rounds. */
async function timeClaims(client: Client, statements: string[]): Promise<Timing[]> {
  const times: number[][] = statements.map(() => [])
  const claimed: number[] = statements.map(() => 0)
  for (let run = 0; run < RUNS + 2; run++) {
    for (const [i, sql] of statements.entries()) {
      await client.query("BEGIN")
      const started = process.hrtime.bigint()
      const { rowCount } = await client.query(sql, [BATCH, JOURNEY_LEASE_MS, null])
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      await client.query("ROLLBACK")
      await client.query("VACUUM marketing_journey_enrollment")
      claimed[i] = rowCount ?? 0
      if (run >= 2) times[i].push(ms)
    }
  }
  return times.map((t, i) => ({ median: median(t), claimed: claimed[i] }))
}

/** Before (previous statement and entry index), the statement alone, and now (statement and index). */
async function timeSides(client: Client): Promise<Timing[]> {
  await client.query(PREVIOUS_ENTRY_INDEX)
  const [before, statementOnly] = await timeClaims(client, [PREVIOUS_CLAIM_SQL, CLAIM_DUE_ENROLLMENTS_SQL])
  await client.query("DROP INDEX bench_previous_entry")
  const [now] = await timeClaims(client, [CLAIM_DUE_ENROLLMENTS_SQL])
  return [before, statementOnly, now]
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

async function main() {
  const { startPostgres, ensureDatabase } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marketing-bench-journeys-"))
  const db = await startPostgres({ dataDir })
  const client = new Client({ connectionString: db.url("marketing_bench_journeys") })
  try {
    await ensureDatabase(db, "marketing_bench_journeys")
    await client.connect()
    for (const sql of await migrationSql()) await client.query(sql)
    await client.query(`
      INSERT INTO marketing_journey (id, name, status, live_version_id, trigger_kind)
      SELECT 'mjrny_bench' || i, 'Bench ' || i, 'live', 'mjver_bench' || i, 'custom.event' FROM generate_series(0, ${JOURNEYS - 1}) AS i`)

    // The 1,000 due: waits that ended in the last hour.
    await client.query(insertEnrollments(1, BATCH, "waiting", `now() - (i || ' seconds')::interval`))
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")
    const empty = await sizes(client)
    const alone = await timeSides(client)

    let t = Date.now()
    // Waiting behind them: due over the next 3 days, as the last session's measurement had them.
    await client.query(insertEnrollments(BATCH + 1, BATCH + WAITING, "waiting", `now() + (random() * interval '3 days') + interval '1 minute'`))
    const loadSeconds = ((Date.now() - t) / 1000).toFixed(1)
    t = Date.now()
    await client.query("VACUUM ANALYZE marketing_journey_enrollment")
    const full = await sizes(client)
    const behind = await timeSides(client)
    await client.query(PREVIOUS_ENTRY_INDEX)
    const { rows: [previousEntry] } = await client.query(`SELECT pg_relation_size('bench_previous_entry') AS bytes`)
    await client.query("DROP INDEX bench_previous_entry")
    await client.query("BEGIN")
    const { rows: plan } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${CLAIM_DUE_ENROLLMENTS_SQL}`, [BATCH, JOURNEY_LEASE_MS, null])

    console.log(`\nbench:journeys — claim of ${BATCH.toLocaleString()} due enrollments (${JOURNEYS} live journeys), median of ${RUNS} runs`)
    console.log(`loaded ${WAITING.toLocaleString()} waiting enrollments in ${loadSeconds} s\n`)
    console.log(`| waiting behind the due | before (ms) | new statement, old entry index (ms) | now (ms) | claimed | target |`)
    console.log(`| ---: | ---: | ---: | ---: | ---: | --- |`)
    for (const [waiting, [before, statementOnly, now]] of [[0, alone], [WAITING, behind]] as const) {
      const verdict = waiting ? `: ${now.median <= TARGET_MS ? "pass" : "FAIL"}` : ""
      console.log(
        `| ${waiting.toLocaleString()} | ${before.median.toFixed(1)} | ${statementOnly.median.toFixed(1)} | ${now.median.toFixed(1)} | ${now.claimed} | ≤ ${TARGET_MS} ms${verdict} |`
      )
    }
    console.log(`\nstorage per waiting enrollment (${WAITING.toLocaleString()} rows):`)
    let total = 0
    for (const relation of full) {
      const grown = relation.bytes - (empty.find((e) => e.name === relation.name)?.bytes ?? 0)
      total += grown
      console.log(`  ${relation.index ? "index" : "heap "} ${relation.name}: ${mb(grown)} (${(grown / WAITING).toFixed(0)} B)`)
    }
    console.log(`  all: ${mb(total)} (${(total / WAITING).toFixed(0)} B per waiting enrollment)`)
    console.log(`  (the previous entry index, which held running enrollments too, would add ${mb(Number(previousEntry.bytes))})`)
    await client.query("ROLLBACK")
    console.log(`\nplan with ${WAITING.toLocaleString()} waiting (rolled back):`)
    for (const row of plan) console.log(`  ${row["QUERY PLAN"]}`)
  } finally {
    await client.end().catch(() => undefined)
    await db.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
