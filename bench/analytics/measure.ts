// Run by bench/analytics.ts in a migrated database: `medusa exec ./bench/analytics/measure.ts <messages> <runs>`.
// Generates a year of raw activity by SQL (messages of 40 campaigns, their delivery, opens, clicks,
// attributed orders), rebuilds the rollup, times the incremental refresh after N new events next to the
// rebuild, and the dashboard summary over the year from the rollup next to the same KPIs computed by a
// hand-written query over the raw tables. Prints one line per figure for the benchmark.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readReportRows } from "../../src/api/admin/marketing/analytics/helpers"
import { kpisOf, previousDays } from "../../src/modules/analytics/lib/report"
import AnalyticsModuleService from "../../src/modules/analytics/service"
import CampaignModuleService from "../../src/modules/campaign/service"
import { MarketingModule } from "../../src/types/modules"
import { median, PROTOCOL_PREFIX } from "../lib/harness"

const CAMPAIGNS = 40
const NEW_EVENTS = [1_000, 10_000, 100_000]

const report = (line: Record<string, unknown>) => console.log(`${PROTOCOL_PREFIX}${JSON.stringify(line)}`)
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await work()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result }
}

/**
 * The summary's KPIs of a year straight from the raw tables: what the dashboard would cost without the
 * rollup (the route also reads the previous year: this reads one). $1 and $2, the range, are written in by rawSummary: knex binds ? placeholders.
 */
const RAW_SUMMARY = `
  WITH m AS (SELECT id FROM marketing_message
              WHERE is_test = false AND deleted_at IS NULL AND sent_at >= $1 AND sent_at < $2),
  firsts AS (SELECT e.message_id, e.type, e.flag FROM marketing_message_event e JOIN m ON m.id = e.message_id
              WHERE e.deleted_at IS NULL)
  SELECT (SELECT count(*) FROM m) AS sent,
         (SELECT count(DISTINCT message_id) FROM firsts WHERE type = 'delivered') AS delivered,
         (SELECT count(DISTINCT message_id) FROM firsts WHERE type IN ('bounce', 'dropped', 'failed')) AS bounced,
         (SELECT count(DISTINCT message_id) FROM firsts WHERE type IN ('open', 'click') AND flag IS NULL) AS opened,
         (SELECT count(DISTINCT message_id) FROM firsts WHERE type = 'click' AND flag IS NULL) AS clicked,
         (SELECT count(*) FROM firsts WHERE type = 'click' AND flag IS NULL) AS clicks,
         (SELECT count(*) FROM marketing_order_attribution a
           WHERE a.message_id IS NOT NULL AND a.created_at >= $1 AND a.created_at < $2
             AND a.clicked_at >= a.created_at - interval '7 days') AS orders,
         (SELECT coalesce(sum(revenue), 0) FROM marketing_order_attribution a
           WHERE a.message_id IS NOT NULL AND a.created_at >= $1 AND a.created_at < $2
             AND a.clicked_at >= a.created_at - interval '7 days') AS revenue`

export default async function measure({ container, args: [messagesArg = "1000000", runsArg = "20"] }: ExecArgs) {
  const messages = Number(messagesArg)
  const runs = Number(runsArg)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const sql = async (text: string, bindings: unknown[] = []) => (await knex.raw(text, bindings as any)).rows
  const campaignService: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const campaigns = await campaignService.createMarketingCampaigns(
    Array.from({ length: CAMPAIGNS }, (_, i) => ({ name: `Bench campaign ${i + 1}`, channel: "email" as const }))
  )
  const ids = `ARRAY[${campaigns.map((c) => `'${c.id}'`).join(",")}]`

  const generated = await timed(async () => {
    await sql(`
      INSERT INTO marketing_message (id, campaign_id, channel, "to", idempotency_key, status, not_before, sent_at, created_at, updated_at)
      SELECT 'mmsg_bench_' || i, (${ids})[1 + (i % ${CAMPAIGNS})], 'email', 'r' || i || '@bench.test', 'bench-' || i, 'sent', at, at, at, at
        FROM (SELECT i, now() - interval '365 days' * random() - interval '1 hour' AS at FROM generate_series(1, ${messages}) AS i) s`)
    // Every message delivered or bounced; 35% opened by a person, 6% clicked, a few machine opens.
    await sql(`
      INSERT INTO marketing_message_event (id, message_id, type, flag, permanent, link_position, occurred_at, created_at, updated_at)
      SELECT 'mevt_bench_' || kind || '_' || m.id, m.id, e.type, e.flag, e.permanent, e.link_position, at, at, at
        FROM marketing_message m
        -- A hash of the id, not random(): an uncorrelated random() in a lateral is drawn once for all rows.
        CROSS JOIN LATERAL (SELECT ('x' || substr(md5(m.id), 1, 8))::bit(32)::bigint / 4294967296.0 AS r) x
        CROSS JOIN LATERAL (VALUES
          ('d', CASE WHEN x.r < 0.03 THEN 'bounce' ELSE 'delivered' END, NULL, x.r < 0.02, NULL::int, m.sent_at + interval '1 minute', true),
          ('o', 'open', NULL, NULL, NULL, m.sent_at + interval '2 hours', x.r >= 0.03 AND x.r < 0.38),
          ('b', 'open', 'apple_mpp', NULL, NULL, m.sent_at + interval '3 minutes', x.r >= 0.38 AND x.r < 0.48),
          ('c', 'click', NULL, NULL, (x.r * 100)::int % 3, m.sent_at + interval '2 hours 5 minutes', x.r >= 0.03 AND x.r < 0.09)
        ) AS e(kind, type, flag, permanent, link_position, at, happens)
       WHERE m.id LIKE 'mmsg_bench_%' AND e.happens AND e.at < now() - interval '1 minute'`)
    // A quarter of the clicks led to an order within the hour.
    await sql(`
      INSERT INTO marketing_order_attribution (id, order_id, campaign_id, message_id, promotion_ids, codes, currency_code,
                                               revenue, raw_revenue, discount_total, raw_discount_total, clicked_at, created_at, updated_at)
      SELECT 'mattr_bench_' || e.id, 'order_bench_' || e.id, m.campaign_id, m.id, '[]', '[]', 'eur',
             v.revenue, jsonb_build_object('value', v.revenue::text, 'precision', 20), 0, '{"value":"0","precision":20}',
             e.occurred_at, e.occurred_at + interval '30 minutes', e.occurred_at + interval '30 minutes'
        FROM marketing_message_event e JOIN marketing_message m ON m.id = e.message_id
        CROSS JOIN LATERAL (SELECT round((20 + random() * 180)::numeric, 2) AS revenue) v
       WHERE e.type = 'click' AND e.id LIKE 'mevt_bench_%' AND ('x' || substr(md5(e.id), 1, 8))::bit(32)::bigint % 4 = 0 AND e.occurred_at < now() - interval '31 minutes'`)
    await sql(`ANALYZE`)
  })
  const [{ events }] = await sql(`SELECT count(*)::int AS events FROM marketing_message_event`)
  const [{ orders }] = await sql(`SELECT count(*)::int AS orders FROM marketing_order_attribution`)
  report({ figure: "generated", messages, events, orders, seconds: generated.ms / 1000 })

  const analytics: AnalyticsModuleService = container.resolve(MarketingModule.ANALYTICS)
  const settled = () => new Date(Date.now())
  const rebuild = await timed(() => analytics.rebuildRollups(settled()))
  const [{ rows }] = await sql(`SELECT count(*)::int AS rows FROM marketing_analytics_daily_rollup`)
  report({ figure: "rebuild", ms: rebuild.ms, rollup_rows: rows })

  const idle = await timed(() => analytics.refreshRollups(settled()))
  report({ figure: "refresh", new_events: 0, ms: idle.ms })
  for (const count of NEW_EVENTS) {
    // New opens and clicks on messages of the last month, recorded just past the refresh's settle time.
    await sql(`
      INSERT INTO marketing_message_event (id, message_id, type, flag, link_position, occurred_at, created_at, updated_at)
      SELECT 'mevt_new_${count}_' || i, m.id, CASE WHEN i % 4 = 0 THEN 'click' ELSE 'open' END, NULL,
             CASE WHEN i % 4 = 0 THEN i % 3 END, now() - interval '15 seconds', now() - interval '15 seconds', now()
        FROM generate_series(1, ${count}) AS i
        JOIN LATERAL (SELECT id FROM marketing_message WHERE id = 'mmsg_bench_' || (1 + (i * 7919) % ${messages})) m ON true`)
    const refresh = await timed(() => analytics.refreshRollups(settled()))
    report({ figure: "refresh", new_events: count, ms: refresh.ms, rows_changed: refresh.result })
  }

  const to = new Date().toISOString().slice(0, 10)
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
  const summary = async () => {
    const previous = previousDays(from, to)
    const [current, before] = await Promise.all([
      readReportRows(container, { from, to }, { first: from, last: to }, "eur"),
      readReportRows(container, { from, to }, previous, "eur"),
    ])
    return [kpisOf(current), kpisOf(before)]
  }
  const rawSummary = () => sql(RAW_SUMMARY.replace(/\$1/g, `'${from}'::date`).replace(/\$2/g, `'${to}'::date + 1`))
  const timings = { rollup: [] as number[], raw: [] as number[] }
  await summary()
  await rawSummary()
  for (let run = 0; run < runs; run++) {
    timings.rollup.push((await timed(summary)).ms)
    // The raw query takes seconds: a fifth as many runs.
    if (run % 5 === 0) timings.raw.push((await timed(rawSummary)).ms)
  }
  const [kpis] = await summary()
  const [raw] = await rawSummary()
  report({
    figure: "summary",
    rollup_p50: median(timings.rollup), rollup_p95: percentile(timings.rollup, 0.95),
    raw_p50: median(timings.raw), raw_p95: percentile(timings.raw, 0.95),
    sent: kpis.sent, raw_sent: Number(raw.sent), opened: kpis.opened, raw_opened: Number(raw.opened),
    orders: kpis.attributed.last_click.orders, raw_orders: Number(raw.orders),
  })
}
