/**
 * `npm run bench:limits`: the full-size limit races. BENCH_SHOPPERS (200) shoppers per path race for
 * a shared code limited to BENCH_LIMIT (100) uses, through each path a code reaches a cart by: cart
 * creation with promo_codes, a cart update with promo_codes, POST /store/carts/:id/promotions, and a
 * host's own route running Medusa's updateCartPromotionsWorkflow. Every shopper then checks out.
 *
 * It runs the same races as CI (integration-tests/http/promotion-concurrency.spec.ts, which CI runs
 * with a few shoppers) at full size, on the test runner's own PostgreSQL and Medusa, and prints per
 * path: shoppers, limit, discounted orders, refused at apply, refused at completion, time. The races
 * assert exactly `limit` discounted orders; a failed assertion fails the benchmark.
 *
 * KEEP_TMP=1 keeps the scratch directory (the test log).
 */
import fs from "node:fs"
import path from "node:path"
import { ROOT, run, runBenchmark, scratchDir, seconds } from "./lib/harness"
import type { RaceResult } from "../integration-tests/helpers/promotions"

const SHOPPERS = Number(process.env.BENCH_SHOPPERS ?? 200)
const LIMIT = Number(process.env.BENCH_LIMIT ?? 100)

runBenchmark(async () => {
  const dir = scratchDir("limits")
  const report = path.join(dir, "races.json")
  const log = path.join(dir, "races.log")
  console.log(`${SHOPPERS} shoppers per path, a code limited to ${LIMIT}; the test log is ${log}`)
  const started = Date.now()
  await run(process.execPath, [path.join(ROOT, "scripts/test.mjs"), "integration-tests/http/promotion-concurrency.spec.ts", "-t", "race through"], {
    cwd: ROOT,
    env: { ...process.env, RACE_SHOPPERS: String(SHOPPERS), RACE_LIMIT: String(LIMIT), LIMITS_REPORT: report },
    log,
  })
  const results: RaceResult[] = JSON.parse(fs.readFileSync(report, "utf8"))
  console.table(
    results.map((r) => ({
      path: r.path,
      shoppers: r.shoppers,
      limit: r.limit,
      discounted: r.discounted,
      "refused at apply": r.refused_at_apply,
      "refused at completion": r.refused_at_completion,
      "time (s)": seconds(r.ms),
    }))
  )
  console.log(`all paths, with the test host's start: ${seconds(Date.now() - started)} s`)
})
