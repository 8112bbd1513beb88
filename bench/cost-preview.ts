/**
 * `npm run bench:cost-preview`: the promotion cost preview on the demo store (demo/seed.ts: 10,000
 * orders over a year), as POST /admin/marketing/promotions/cost-preview computes it, for each demo
 * segment and for every buyer, over 90 and 365 days: the median of BENCH_RUNS (7) warm runs.
 * KEEP_TMP=1 keeps the logs.
 */
import fs from "node:fs"
import path from "node:path"
import { BENCH_SECRETS, MEDUSA_CLI, PROTOCOL_PREFIX, ROOT, medusaEnv, run, runBenchmark, scratchDir, seconds, startDatabase } from "./lib/harness"

const RUNS = Number(process.env.BENCH_RUNS ?? 7)

runBenchmark(async () => {
  const dir = scratchDir("cost-preview")
  const db = await startDatabase(dir, "cost_preview")
  const env = medusaEnv(db.url, { MARKETING_OPTIONS_JSON: JSON.stringify(BENCH_SECRETS) })
  const seeded = Date.now()
  await run(process.execPath, [MEDUSA_CLI, "exec", "./demo/seed.ts", "bench@example.com", "bench-password"], {
    cwd: ROOT,
    env,
    log: path.join(dir, "seed.log"),
  })
  console.log(`demo store seeded in ${seconds(Date.now() - seeded)} s`)
  const log = path.join(dir, "measure.log")
  await run(process.execPath, [MEDUSA_CLI, "exec", "./bench/cost-preview/measure.ts", String(RUNS)], { cwd: ROOT, env, log })
  const results = fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.startsWith(PROTOCOL_PREFIX))
    .map((line) => JSON.parse(line.slice(PROTOCOL_PREFIX.length)))
  console.table(results)
})
