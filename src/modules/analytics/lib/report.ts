import { AttributionModel } from "../../../types/analytics"
import { bucketOfDay, Granularity, previousPeriod } from "./periods"
import { Metric, Metrics, zeroMetrics } from "./rollup"
import { Rates, ratesOf } from "./rates"

/** A daily rollup row as the routes read it: its day, attribution model and metrics. */
export type ReportRow = Metrics & { day: string; dimension_id: string; attribution_model: AttributionModel }

/**
 * The rows one report reads: `rows` of the chosen dimension (the whole store, a campaign, a channel or
 * a promotion), and `ledger`, the rows that carry the promotion ledger for it (the promotion rows for
 * the whole store; null where the ledger is not kept, per channel).
 */
export interface ReportRows {
  rows: ReportRow[]
  ledger: ReportRow[] | null
}

/** The models that credit orders to messages, shown side by side and never summed. */
export const CREDITING_MODELS = [AttributionModel.LAST_CLICK, AttributionModel.LAST_TOUCH, AttributionModel.CODE] as const
export type CreditingModel = (typeof CREDITING_MODELS)[number]

const LEDGER_METRICS: Metric[] = ["codes_redeemed", "discount_amount"]
const ORDER_METRICS: Metric[] = ["orders", "revenue", "refunded"]

export interface AttributedKpis {
  orders: number
  revenue: number
  refunded: number
  net_revenue: number
  revenue_per_recipient: number | null
}

export interface Kpis {
  sent: number
  delivered: number
  bounced: number
  complained: number
  /** Messages opened (unique), messages clicked (unique), every human click. */
  opened: number
  clicked: number
  clicks: number
  unsubscribed: number
  /**
   * Orders and revenue (minor units, order totals after discounts) per attribution model, with revenue
   * per message sent; what was refunded of them, and the net revenue the store kept.
   */
  attributed: Record<CreditingModel, AttributedKpis>
  /** Codes redeemed and the discount given (minor units), from the ledger; null where it is not kept. */
  codes_redeemed: number | null
  discount_amount: number | null
  /** Rates of the message metrics (revenue per recipient under last click). */
  rates: Rates
}

function groupBy(rows: ReportRow[], keyOf: (row: ReportRow) => string): Map<string, ReportRow[]> {
  const grouped = new Map<string, ReportRow[]>()
  for (const row of rows) {
    const key = keyOf(row)
    const group = grouped.get(key)
    if (group) group.push(row)
    else grouped.set(key, [row])
  }
  return grouped
}

const sum = (rows: ReportRow[], metric: Metric) => rows.reduce((total, row) => total + row[metric], 0)

/**
 * One metric over some rows: order metrics under `model`, ledger metrics from the ledger rows (null
 * when there are none), message metrics from the rows credited by no model.
 */
export function metricTotal(report: ReportRows, metric: Metric, model: CreditingModel): number | null {
  if (ORDER_METRICS.includes(metric)) return sum(report.rows.filter((row) => row.attribution_model === model), metric)
  if (LEDGER_METRICS.includes(metric)) {
    return report.ledger && sum(report.ledger.filter((row) => row.attribution_model === AttributionModel.NONE), metric)
  }
  return sum(report.rows.filter((row) => row.attribution_model === AttributionModel.NONE), metric)
}

export function kpisOf(report: ReportRows): Kpis {
  const messages = zeroMetrics()
  for (const row of report.rows) {
    if (row.attribution_model !== AttributionModel.NONE) continue
    for (const metric of Object.keys(messages) as Metric[]) messages[metric] += row[metric]
  }
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null)
  const attributed = Object.fromEntries(
    CREDITING_MODELS.map((model) => {
      const revenue = metricTotal(report, "revenue", model)!
      const refunded = metricTotal(report, "refunded", model)!
      const kpis: AttributedKpis = {
        orders: metricTotal(report, "orders", model)!,
        revenue,
        refunded,
        net_revenue: revenue - refunded,
        revenue_per_recipient: ratio(revenue, messages.sent),
      }
      return [model, kpis]
    })
  ) as Kpis["attributed"]
  return {
    sent: messages.sent,
    delivered: messages.delivered,
    bounced: messages.bounced_hard + messages.bounced_soft,
    complained: messages.complained,
    opened: messages.opened,
    clicked: messages.clicked,
    clicks: messages.clicks,
    unsubscribed: messages.unsubscribed,
    attributed,
    codes_redeemed: metricTotal(report, "codes_redeemed", AttributionModel.LAST_CLICK),
    discount_amount: metricTotal(report, "discount_amount", AttributionModel.LAST_CLICK),
    rates: ratesOf({ ...messages, revenue: attributed.last_click.revenue }),
  }
}

/** Each store day from `first` to `last` (YYYY-MM-DD, inclusive). */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = []
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= Date.parse(`${last}T00:00:00Z`); at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10))
  }
  return days
}

/**
 * The store days just before `first`..`last` to compare with: whole calendar months go back by months
 * (March compares with February), anything else by as many days.
 */
export function previousDays(first: string, last: string): { first: string; last: string } {
  const day = (at: number) => new Date(at).toISOString().slice(0, 10)
  const period = { from: new Date(`${first}T00:00:00Z`), to: new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000) }
  // Store days are calendar days: their arithmetic is the same in UTC as in the store's timezone.
  const previous = previousPeriod(period, "UTC")
  return { first: day(previous.from.getTime()), last: day(previous.to.getTime() - 86_400_000) }
}

/** A metric per bucket of the days `first`..`last`, every bucket present (0 when nothing happened). */
export function seriesOf(
  report: ReportRows,
  metric: Metric,
  model: CreditingModel,
  granularity: Exclude<Granularity, "hour">,
  first: string,
  last: string
): { bucket: string; value: number | null }[] {
  const bucketsOf = (rows: ReportRow[]) => groupBy(rows, (row) => bucketOfDay(row.day, granularity))
  const rows = bucketsOf(report.rows)
  const ledger = report.ledger && bucketsOf(report.ledger)
  const labels = [...new Set(daysBetween(first, last).map((day) => bucketOfDay(day, granularity)))]
  return labels.map((bucket) => ({
    bucket,
    value: metricTotal({ rows: rows.get(bucket) ?? [], ledger: ledger && (ledger.get(bucket) ?? []) }, metric, model),
  }))
}

/** Per campaign (its rows' dimension id): the KPIs of its rows. */
export function kpisPerDimension(rows: ReportRow[]): Map<string, Kpis> {
  return new Map([...groupBy(rows, (row) => row.dimension_id)].map(([id, own]) => [id, kpisOf({ rows: own, ledger: own })]))
}
