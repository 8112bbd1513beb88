/**
 * `npm run bench:analytics`: a year of raw activity (BENCH_MESSAGES messages, 1,000,000 by default, with
 * their delivery, opens, clicks and attributed orders) in a throw-away PostgreSQL; the rollup rebuilt
 * from it, the incremental refresh after 1,000 to 100,000 new events next to that rebuild, and the
 * dashboard summary over the year (warm, p50/p95) from the rollup next to the same KPIs computed by a
 * hand-written query over the raw tables. KEEP_TMP=1 keeps the logs.
 */
import fs from "node:fs"
import path from "node:path"
import { BENCH_SECRETS, MEDUSA_CLI, PROTOCOL_PREFIX, ROOT, medusaEnv, run, runBenchmark, scratchDir, seconds, startDatabase } from "./lib/harness"

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 20)

runBenchmark(async () => {
  const dir = scratchDir("analytics")
  const db = await startDatabase(dir, "analytics")
  const log = path.join(dir, "measure.log")
  const started = Date.now()
  await run(process.execPath, [MEDUSA_CLI, "exec", "./bench/analytics/measure.ts", String(MESSAGES), String(RUNS)], {
    cwd: ROOT,
    env: medusaEnv(db.url, { MARKETING_OPTIONS_JSON: JSON.stringify(BENCH_SECRETS) }),
    log,
  })
  const lines = fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.startsWith(PROTOCOL_PREFIX))
    .map((line) => JSON.parse(line.slice(PROTOCOL_PREFIX.length)))
  const figure = (name: string) => lines.filter((line) => line.figure === name)
  const [generated] = figure("generated")
  const [rebuild] = figure("rebuild")
  const [summary] = figure("summary")
  console.log(`raw data: ${generated.messages} messages, ${generated.events} events, ${generated.orders} attributed orders over a year (generated in ${generated.seconds.toFixed(1)} s)`)
  console.table([
    { what: "rebuild from all raw data", ms: Math.round(rebuild.ms), rollup_rows: rebuild.rollup_rows },
    ...figure("refresh").map((r) => ({ what: `refresh after ${r.new_events} new events`, ms: Math.round(r.ms), vs_rebuild: `${(rebuild.ms / r.ms).toFixed(0)}× faster` })),
  ])
  console.table([
    { query: "dashboard summary, year (rollup, as the route)", p50_ms: summary.rollup_p50.toFixed(1), p95_ms: summary.rollup_p95.toFixed(1) },
    { query: "same KPIs by hand over the raw tables", p50_ms: summary.raw_p50.toFixed(1), p95_ms: summary.raw_p95.toFixed(1) },
  ])
  console.log(`summary: ${(summary.raw_p50 / summary.rollup_p50).toFixed(0)}× faster than the raw query (p50); ` +
    `sent ${summary.sent} / raw ${summary.raw_sent}, opened ${summary.opened} / raw ${summary.raw_opened}, orders ${summary.orders} / raw ${summary.raw_orders}`)
  console.log(`total ${seconds(Date.now() - started)} s`)
})
