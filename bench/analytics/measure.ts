// Run by bench/analytics.ts in a migrated database: `medusa exec ./bench/analytics/measure.ts <sizes as JSON>`.
// Generates a year of raw activity by SQL (messages of 40 campaigns, their delivery, opens and clicks,
// orders, some of them through a click), rebuilds the rollup, times the incremental refresh after N new
// events next to the rebuild; times each dashboard query warm as its route computes it from the rollup,
// interleaved with the same figures computed by a hand-written query over the raw tables; then streams
// events at a steady rate while the refresh workflow runs at the job's cadence, and measures how long
// each event took to appear in the rollup. Prints one line per figure for the benchmark.
import { ExecArgs } from "@medusajs/framework/types"
import { Client } from "pg"
import { readRowsPerId, readReportRows } from "../../src/api/admin/marketing/analytics/helpers"
import { bucketOfDay } from "../../src/modules/analytics/lib/periods"
import { Kpis, kpisOf, previousDays, seriesOf } from "../../src/modules/analytics/lib/report"
import { TOP_TABLES, topRows } from "../../src/modules/analytics/lib/top-table"
import AnalyticsModuleService from "../../src/modules/analytics/service"
import CampaignModuleService from "../../src/modules/campaign/service"
import { MarketingModule } from "../../src/types/modules"
import { RollupDimension } from "../../src/types/analytics"
import { refreshAnalyticsRollupsWorkflow } from "../../src/workflows/analytics/workflows/refresh-rollups"
import { median, PROTOCOL_PREFIX, sleep } from "../lib/harness"

export interface AnalyticsBenchSizes {
  events: number
  orders: number
  runs: number
  raw_runs: number
  stream_seconds: number
  stream_rate: number
  refresh_every_seconds: number
}

const CAMPAIGNS = 40
const NEW_EVENTS = [1_000, 10_000, 100_000]
/** Per message: its delivery or bounce, 35% opened by a person, 10% opened by Apple MPP, 6% clicked. */
const EVENTS_PER_MESSAGE = 1.51
/** Orders that came through a tracked click (within the hour); the rest came without one. */
const THROUGH_CLICK = 0.3

const report = (line: Record<string, unknown>) => console.log(`${PROTOCOL_PREFIX}${JSON.stringify(line)}`)
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint()
  const result = await work()
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result }
}

/** The messages sent in the range [$1, $2) (store days in UTC, the bench store's timezone). */
const RAW_MESSAGES = `SELECT id, campaign_id FROM marketing_message WHERE is_test = false AND deleted_at IS NULL AND sent_at >= $1 AND sent_at < $2`
/** Orders credited to a message by its last click within the 7-day window, placed in the range; revenue in major units (the rollup keeps minor). */
const RAW_ORDERS = `SELECT a.* FROM marketing_order_attribution a
   WHERE a.deleted_at IS NULL AND a.message_id IS NOT NULL AND a.created_at >= $1 AND a.created_at < $2 AND a.clicked_at >= a.created_at - interval '7 days'`
/**
 * Per message (of any day) when its first delivery, bounce, human open or click and human click happened, and its
 * human clicks in the range: the rollup counts each on the day it happened, whenever the message was sent.
 */
const RAW_FIRSTS = `SELECT m.id AS message_id, m.campaign_id,
         min(e.occurred_at) FILTER (WHERE e.type = 'delivered') AS delivered,
         min(e.occurred_at) FILTER (WHERE e.type IN ('bounce', 'dropped', 'failed')) AS bounced,
         min(e.occurred_at) FILTER (WHERE e.type IN ('open', 'click') AND e.flag IS NULL) AS opened,
         min(e.occurred_at) FILTER (WHERE e.type = 'click' AND e.flag IS NULL) AS clicked,
         count(*) FILTER (WHERE e.type = 'click' AND e.flag IS NULL AND e.occurred_at >= $1 AND e.occurred_at < $2) AS clicks
    FROM marketing_message_event e JOIN marketing_message m ON m.id = e.message_id AND m.is_test = false AND m.deleted_at IS NULL
   WHERE e.deleted_at IS NULL GROUP BY m.id, m.campaign_id`
const inRange = (at: string) => `count(*) FILTER (WHERE ${at} >= $1 AND ${at} < $2)::int`

/** The summary's KPIs of one period straight from the raw tables (the route reads two periods: so do the raw runs). */
const RAW_SUMMARY = `
  WITH f AS (${RAW_FIRSTS})
  SELECT (SELECT count(*) FROM (${RAW_MESSAGES}) m)::int AS sent,
         ${inRange("delivered")} AS delivered, ${inRange("bounced")} AS bounced, ${inRange("opened")} AS opened, ${inRange("clicked")} AS clicked,
         sum(clicks)::int AS clicks,
         (SELECT count(*) FROM (${RAW_ORDERS}) o)::int AS orders,
         (SELECT coalesce(sum(revenue), 0) * 100 FROM (${RAW_ORDERS}) o)::float8 AS revenue
    FROM f`

/** $3 day, week or month: messages sent per bucket. */
const RAW_SENT_SERIES = `
  SELECT to_char(date_trunc($3, m.sent_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS value
    FROM marketing_message m WHERE m.is_test = false AND m.deleted_at IS NULL AND m.sent_at >= $1 AND m.sent_at < $2
   GROUP BY 1 ORDER BY 1`

/** $3 day, week or month: attributed revenue (last click) per bucket. */
const RAW_REVENUE_SERIES = `
  SELECT to_char(date_trunc($3, o.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, (sum(o.revenue) * 100)::float8 AS value
    FROM (${RAW_ORDERS}) o GROUP BY 1 ORDER BY 1`

/** The campaigns table: per campaign its sends, deliveries, opens and clicks (per message) and orders and revenue (last click). */
const RAW_CAMPAIGNS = `
  WITH engagement AS (
    SELECT campaign_id, ${inRange("delivered")} AS delivered, ${inRange("opened")} AS opened, ${inRange("clicked")} AS clicked
      FROM (${RAW_FIRSTS}) f GROUP BY 1),
  orders AS (SELECT campaign_id, count(*)::int AS orders, (sum(revenue) * 100)::float8 AS revenue FROM (${RAW_ORDERS}) o GROUP BY 1),
  sent AS (SELECT campaign_id, count(*)::int AS sent FROM (${RAW_MESSAGES}) m GROUP BY 1)
  SELECT campaign_id, coalesce(s.sent, 0) AS sent, coalesce(e.delivered, 0) AS delivered, coalesce(e.opened, 0) AS opened,
         coalesce(e.clicked, 0) AS clicked, coalesce(o.orders, 0) AS orders, coalesce(o.revenue, 0) AS revenue
    FROM sent s FULL JOIN engagement e USING (campaign_id) FULL JOIN orders o USING (campaign_id)
   WHERE coalesce(s.sent, 0) + coalesce(e.delivered, 0) + coalesce(e.opened, 0) + coalesce(e.clicked, 0) + coalesce(o.orders, 0) > 0
   ORDER BY revenue DESC, campaign_id`

export default async function measure({ container, args: [sizesArg] }: ExecArgs) {
  const sizes: AnalyticsBenchSizes = JSON.parse(sizesArg)
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  const sql = async (text: string, parameters: unknown[] = []) => (await db.query(text, parameters)).rows
  const campaignService: CampaignModuleService = container.resolve(MarketingModule.CAMPAIGN)
  const campaigns = await campaignService.createMarketingCampaigns(
    Array.from({ length: CAMPAIGNS }, (_, i) => ({ name: `Bench campaign ${i + 1}`, channel: "email" as const }))
  )
  const messages = Math.ceil(sizes.events / EVENTS_PER_MESSAGE)

  const generated = await timed(async () => {
    await sql(
      `INSERT INTO marketing_message (id, campaign_id, channel, "to", idempotency_key, status, not_before, sent_at, created_at, updated_at)
       SELECT 'mmsg_bench_' || i, ($1::text[])[1 + (i % ${CAMPAIGNS})], 'email', 'r' || i || '@bench.test', 'bench-' || i, 'sent', at, at, at, at
         FROM (SELECT i, now() - interval '365 days' * random() - interval '1 hour' AS at FROM generate_series(1, $2::int) AS i) s`,
      [campaigns.map((c: { id: string }) => c.id), messages]
    )
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
    const orderColumns = `(id, order_id, campaign_id, message_id, promotion_ids, codes, currency_code,
                           revenue, raw_revenue, discount_total, raw_discount_total, clicked_at, created_at, updated_at)`
    const revenue = `round((20 + random() * 180)::numeric, 2)`
    const [{ through }] = await sql(
      `WITH clicks AS (
         SELECT e.id, e.message_id, e.occurred_at, m.campaign_id, ${revenue} AS revenue
           FROM marketing_message_event e JOIN marketing_message m ON m.id = e.message_id
          WHERE e.type = 'click' AND e.id LIKE 'mevt_bench_%' AND e.occurred_at < now() - interval '31 minutes' LIMIT $1),
       inserted AS (
         INSERT INTO marketing_order_attribution ${orderColumns}
         SELECT 'mattr_bench_c' || c.id, 'order_bench_c' || c.id, c.campaign_id, c.message_id, '[]', '[]', 'eur',
                c.revenue, jsonb_build_object('value', c.revenue::text, 'precision', 20), 0, '{"value":"0","precision":20}',
                c.occurred_at, c.occurred_at + interval '30 minutes', c.occurred_at + interval '30 minutes'
           FROM clicks c
         RETURNING 1)
       SELECT count(*)::int AS through FROM inserted`,
      [Math.round(sizes.orders * THROUGH_CLICK)]
    )
    await sql(
      `INSERT INTO marketing_order_attribution ${orderColumns}
       SELECT 'mattr_bench_o' || i, 'order_bench_o' || i, NULL, NULL, '[]', '[]', 'eur',
              revenue, jsonb_build_object('value', revenue::text, 'precision', 20), 0, '{"value":"0","precision":20}', NULL, at, at
         FROM (SELECT i, ${revenue} AS revenue, now() - interval '365 days' * random() - interval '1 hour' AS at
                 FROM generate_series(1, $1::int) AS i) s`,
      [sizes.orders - through]
    )
    await sql(`ANALYZE`)
  })
  const [{ events }] = await sql(`SELECT count(*)::int AS events FROM marketing_message_event`)
  const [{ orders, attributed }] = await sql(
    `SELECT count(*)::int AS orders, count(message_id)::int AS attributed FROM marketing_order_attribution`
  )
  report({ figure: "generated", messages, events, orders, attributed, seconds: generated.ms / 1000 })

  const analytics: AnalyticsModuleService = container.resolve(MarketingModule.ANALYTICS)
  const rebuild = await timed(() => analytics.rebuildRollups(new Date()))
  const [{ rows }] = await sql(`SELECT count(*)::int AS rows FROM marketing_analytics_daily_rollup`)
  report({ figure: "rebuild", ms: rebuild.ms, rollup_rows: rows })

  const idle = await timed(() => analytics.refreshRollups(new Date()))
  report({ figure: "refresh", new_events: 0, ms: idle.ms })
  for (const count of NEW_EVENTS) {
    // New opens and clicks on earlier messages, recorded just past the refresh's settle time.
    await sql(`
      INSERT INTO marketing_message_event (id, message_id, type, flag, link_position, occurred_at, created_at, updated_at)
      SELECT 'mevt_new_${count}_' || i, 'mmsg_bench_' || (1 + (i * 7919) % ${messages}), CASE WHEN i % 4 = 0 THEN 'click' ELSE 'open' END, NULL,
             CASE WHEN i % 4 = 0 THEN i % 3 END, now() - interval '15 seconds', now() - interval '15 seconds', now()
        FROM generate_series(1, ${count}) AS i`)
    const refresh = await timed(() => analytics.refreshRollups(new Date()))
    report({ figure: "refresh", new_events: count, ms: refresh.ms, rows_changed: refresh.result })
  }

  // The dashboard's queries over the last 365 store days, each as its route computes it, and by hand.
  const to = new Date().toISOString().slice(0, 10)
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10)
  const days = { first: from, last: to }
  const previous = previousDays(from, to)
  const instants = (range: { first: string; last: string }) => [`${range.first}T00:00:00Z`, new Date(Date.parse(`${range.last}T00:00:00Z`) + 86_400_000).toISOString()]
  const scope = { from, to }
  // Each figure as the rollup and the raw query both state it, to be compared: series as their non-zero buckets.
  const nonZero = (points: { bucket: string; value: number | null }[]) => points.filter((point) => point.value)
  const series = (metric: "sent" | "revenue", granularity: "day" | "week" | "month") => async () =>
    nonZero(seriesOf(await readReportRows(container, scope, days, "eur", granularity), metric, "last_click", granularity, from, to))
  const rawSeries = (text: string, granularity: "day" | "week" | "month") => async () =>
    nonZero((await sql(text, [...instants(days), granularity])).map((row) => ({ bucket: bucketOfDay(row.day, granularity), value: row.value })))
  const campaignFigures = (row: { id: string; sent: number; delivered: number; opened: number; clicked: number; orders: number; revenue: number }) =>
    ({ id: row.id, sent: row.sent, delivered: row.delivered, opened: row.opened, clicked: row.clicked, orders: row.orders, revenue: row.revenue })
  // A campaign whose only activity in the range is a repeated click has no figure the table compares.
  const hasFigures = (row: ReturnType<typeof campaignFigures>) => row.sent + row.delivered + row.opened + row.clicked + row.orders > 0
  const campaignsTable = async () => {
    const [current, before] = await Promise.all(
      [days, previous].map((range) => readRowsPerId(container, RollupDimension.CAMPAIGN, range, "eur"))
    )
    const rows = topRows(TOP_TABLES.campaigns, { current, previous: before }, "last_click", "-revenue")
    return rows
      .map((row) => campaignFigures({ id: row.id, ...(row.current as Record<"sent" | "delivered" | "opened" | "clicked" | "orders" | "revenue", number>) }))
      .filter(hasFigures)
  }
  const rawCampaignsTable = async () =>
    (await sql(RAW_CAMPAIGNS, instants(days)))
      .map((row) => campaignFigures({ id: row.campaign_id, ...row }))
      // The route's order (PostgreSQL's collation may order ids otherwise).
      .sort((a, b) => b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const summaryOf = (kpis: Kpis) => ({
    sent: kpis.sent, delivered: kpis.delivered, bounced: kpis.bounced, opened: kpis.opened, clicked: kpis.clicked, clicks: kpis.clicks,
    orders: kpis.attributed.last_click.orders, revenue: kpis.attributed.last_click.revenue,
  })
  const queries: { name: string; rollup: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
    {
      name: "summary and funnel (range and previous range)",
      rollup: async () => {
        const [current, before] = await Promise.all([
          readReportRows(container, scope, days, "eur", "range"),
          readReportRows(container, scope, previous, "eur", "range"),
        ])
        return [summaryOf(kpisOf(current)), summaryOf(kpisOf(before))]
      },
      raw: async () => {
        const [[current], [before]] = await Promise.all([sql(RAW_SUMMARY, instants(days)), sql(RAW_SUMMARY, instants(previous))])
        return [current, before]
      },
    },
    ...(["day", "week", "month"] as const).map((granularity) => ({
      name: `timeseries sent per ${granularity}`,
      rollup: series("sent", granularity),
      raw: rawSeries(RAW_SENT_SERIES, granularity),
    })),
    ...(["day", "week", "month"] as const).map((granularity) => ({
      name: `timeseries revenue per ${granularity}`,
      rollup: series("revenue", granularity),
      raw: rawSeries(RAW_REVENUE_SERIES, granularity),
    })),
    {
      name: "top campaigns table",
      rollup: campaignsTable,
      raw: rawCampaignsTable,
    },
  ]
  for (const query of queries) {
    const [rollupResult, rawResult] = [await query.rollup(), await query.raw()]
    const timings = { rollup: [] as number[], raw: [] as number[] }
    for (let run = 0; run < sizes.runs; run++) {
      timings.rollup.push((await timed(query.rollup)).ms)
      // The raw queries take seconds: fewer runs, spread among the rollup's.
      if (run % Math.ceil(sizes.runs / sizes.raw_runs) === 0) timings.raw.push((await timed(query.raw)).ms)
    }
    report({
      figure: "query",
      name: query.name,
      rollup_p50: median(timings.rollup), rollup_p95: percentile(timings.rollup, 0.95), rollup_runs: timings.rollup.length,
      raw_p50: median(timings.raw), raw_p95: percentile(timings.raw, 0.95), raw_runs: timings.raw.length,
      // The same figure both ways, or the benchmark measured a wrong answer fast.
      equal: JSON.stringify(rollupResult) === JSON.stringify(rawResult),
      rollup_result: rollupResult, raw_result: rawResult,
    })
  }

  // Rollup lag: events streamed at a steady rate while the refresh workflow runs at the job's cadence.
  const lags: number[] = []
  const refreshes: number[] = []
  let streaming = true
  const stream = (async () => {
    let batch = 0
    const perTick = Math.max(1, Math.round(sizes.stream_rate / 10))
    while (streaming) {
      const tick = Date.now()
      await sql(
        `INSERT INTO marketing_message_event (id, message_id, type, occurred_at, created_at, updated_at)
         SELECT 'mevt_stream_' || $1::int || '_' || i, 'mmsg_bench_' || (1 + ($1::int * 7 + i * 104729) % $3::int), 'open', now(), now(), now()
           FROM generate_series(1, $2::int) AS i`,
        [batch++, perTick, messages]
      )
      await sleep(Math.max(0, 100 - (Date.now() - tick)))
    }
  })()
  const cursor = async () =>
    (await sql(`SELECT position_at::text AS at, position_id AS id FROM marketing_analytics_rollup_cursor WHERE source = 'message_events' AND deleted_at IS NULL`))[0]
  const streamStarted = Date.now()
  const refreshOnce = async () => {
    const before = await cursor()
    const refresh = await timed(() => refreshAnalyticsRollupsWorkflow(container).run({ input: {} }))
    const done = new Date()
    refreshes.push(refresh.ms)
    const after = await cursor()
    // The stream's events this refresh added: past the cursor before it, up to the cursor after it.
    const added = await sql(
      `SELECT extract(epoch FROM $5::timestamptz - created_at)::float8 AS lag FROM marketing_message_event
        WHERE id LIKE 'mevt_stream_%' AND (created_at, id) > ($1::timestamptz, $2::text) AND (created_at, id) <= ($3::timestamptz, $4::text)`,
      [before.at, before.id, after.at, after.id, done]
    )
    lags.push(...added.map((row) => row.lag))
  }
  const tick = sizes.refresh_every_seconds * 1000
  for (let next = streamStarted + tick; next <= streamStarted + sizes.stream_seconds * 1000; next += tick) {
    await sleep(Math.max(0, next - Date.now()))
    await refreshOnce()
  }
  streaming = false
  await stream
  const [{ streamed }] = await sql(`SELECT count(*)::int AS streamed FROM marketing_message_event WHERE id LIKE 'mevt_stream_%'`)
  // The last events of the stream, at the next tick.
  await sleep(Math.max(0, streamStarted + (Math.floor(sizes.stream_seconds / sizes.refresh_every_seconds) + 1) * tick - Date.now()))
  await refreshOnce()
  report({
    figure: "lag",
    streamed,
    measured: lags.length,
    rate: streamed / ((Date.now() - streamStarted) / 1000),
    lag_p50: median(lags), lag_p95: percentile(lags, 0.95), lag_max: Math.max(...lags),
    refresh_p50: median(refreshes), refresh_max: Math.max(...refreshes),
  })
  await db.end()
}
