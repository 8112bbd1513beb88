/**
 * `npm run bench:segments`: 1M contacts and 5M purchases generated in PostgreSQL, then a
 * four-condition segment counted through the DSL compiler next to the same query written by hand,
 * in one run, interleaved, warm. Prints both medians and their ratio.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"
import { compileSegmentDsl } from "../src/modules/audience/lib/segment-dsl/compile"

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000)
const PURCHASES = Number(process.env.BENCH_PURCHASES ?? 5_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const ROOT = path.resolve(__dirname, "..")

const DSL =
  "total_spent > 500 AND days_since_last_order < 90 AND (country IN ('DE','FR') OR purchased(category = 'shoes', within 180d))"

const HAND_WRITTEN = `
  SELECT count(*) FROM marketing_contact c
   WHERE c.deleted_at IS NULL
     AND c.total_spent > 500
     AND c.last_order_at > now() - interval '90 days'
     AND (c.country_code IN ('de', 'fr')
          OR EXISTS (SELECT 1 FROM marketing_purchase p
                      WHERE p.contact_id = c.id AND p.deleted_at IS NULL
                        AND p.category_keys @> ARRAY['shoes']
                        AND p.purchased_at >= now() - interval '180 days'))`

const COUNTRIES = "ARRAY['de','fr','us','gb','nl','es','it','at','ch','se','pl','be','dk','no','fi','ie','pt','cz','ca','au']"
const CATEGORIES = "ARRAY['shoes','hats','bags','shirts','pants','socks','jackets','belts','watches','scarves','gloves','dresses']"

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1)

async function timed(client: Client, sql: string, params: unknown[] = []) {
  const start = process.hrtime.bigint()
  const { rows } = await client.query(sql, params)
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, count: Number(rows[0].count) }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Drops a table's secondary indexes, runs the bulk load, then builds them again: far faster. */
async function withoutIndexes(client: Client, table: string, load: () => Promise<unknown>) {
  const { rows } = await client.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 AND indexname NOT LIKE '%_pkey'`,
    [table]
  )
  for (const { indexname } of rows) await client.query(`DROP INDEX "${indexname}"`)
  await load()
  for (const { indexdef } of rows) await client.query(indexdef)
}

async function main() {
  const { startPostgres, ensureDatabase } = await import(path.join(ROOT, "scripts/postgres.mjs"))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "marketing-bench-db-"))
  const db = await startPostgres({ dataDir })
  try {
    const database = "marketing_bench"
    await ensureDatabase(db, database)
    const url = db.url(database)
    let t = Date.now()
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/@medusajs/cli/cli.js"), "db:migrate", "--skip-links"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, MEDUSA_DISABLE_TELEMETRY: "true", MEDUSA_ADMIN_DISABLE: "true" },
      stdio: "ignore",
    })
    console.log(`migrated in ${seconds(t)} s`)

    const client = new Client({ connectionString: url })
    await client.connect()
    t = Date.now()
    await withoutIndexes(client, "marketing_contact", () =>
      client.query(`
        INSERT INTO marketing_contact (id, email, country_code, total_spent, raw_total_spent, orders_count,
                                       first_order_at, last_order_at, created_at, updated_at)
        SELECT 'mcon_' || i, 'c' || i || '@bench.test', (${COUNTRIES})[1 + floor(power(random(), 2) * 20)::int],
               spent, jsonb_build_object('value', spent::text, 'precision', 20), orders,
               last_at - (orders * interval '20 days'), last_at, now() - interval '2 years', now()
          FROM (SELECT i, round(exp(2 + random() * 3 + random() * 2)::numeric, 2) AS spent,
                       1 + floor(power(random(), 3) * 30)::int AS orders,
                       now() - random() * interval '730 days' AS last_at
                  FROM generate_series(1, ${CONTACTS}) i) g`)
    )
    console.log(`${CONTACTS.toLocaleString()} contacts in ${seconds(t)} s`)
    t = Date.now()
    await withoutIndexes(client, "marketing_purchase", () =>
      client.query(`
        INSERT INTO marketing_purchase (id, contact_id, order_id, line_item_id, product_id, product_keys, category_keys,
                                        collection_keys, quantity, amount, raw_amount, currency_code, purchased_at,
                                        created_at, updated_at)
        SELECT 'mpur_' || i, 'mcon_' || (1 + floor(power(random(), 1.5) * ${CONTACTS}))::int, 'order_' || (i / 2), 'item_' || i,
               'prod_' || (i % 500), ARRAY['prod_' || (i % 500)], ARRAY[(${CATEGORIES})[1 + (i % 12)]], ARRAY['summer'],
               1, 20, '{"value":"20","precision":20}', 'eur', now() - random() * interval '730 days', now(), now()
          FROM generate_series(1, ${PURCHASES}) i`)
    )
    console.log(`${PURCHASES.toLocaleString()} purchases in ${seconds(t)} s`)
    await client.query("VACUUM ANALYZE marketing_contact")
    await client.query("VACUUM ANALYZE marketing_purchase")

    const compiled = compileSegmentDsl(DSL)
    const dslSql = `SELECT count(*) FROM marketing_contact c WHERE c.deleted_at IS NULL AND (${compiled.where})`
    const dsl: number[] = []
    const hand: number[] = []
    let counts = { dsl: 0, hand: 0 }
    for (let run = -2; run < RUNS; run++) {
      const a = await timed(client, dslSql, compiled.params)
      const b = await timed(client, HAND_WRITTEN)
      counts = { dsl: a.count, hand: b.count }
      if (run >= 0) {
        dsl.push(a.ms)
        hand.push(b.ms)
      }
    }
    await client.end()
    if (counts.dsl !== counts.hand) throw new Error(`the two queries disagree: ${counts.dsl} vs ${counts.hand}`)

    const ratio = median(dsl) / median(hand)
    console.log(`\nsegment: ${DSL}`)
    console.log(`matching contacts: ${counts.dsl.toLocaleString()} of ${CONTACTS.toLocaleString()}`)
    console.log(`DSL-compiled count, median of ${RUNS} warm runs: ${median(dsl).toFixed(1)} ms`)
    console.log(`hand-written SQL,   median of ${RUNS} warm runs: ${median(hand).toFixed(1)} ms`)
    console.log(`ratio DSL / hand-written: ${ratio.toFixed(2)} (target <= 1.5); DSL warm ${median(dsl) <= 250 ? "<=" : ">"} 250 ms target`)
  } finally {
    await db.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
