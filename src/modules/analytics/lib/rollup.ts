import { AttributionModel, RollupDimension } from "../../../types/analytics"

/** Counters a rollup row adds up: messages and people (unique per message) and events. */
export const COUNTERS = [
  "sent",
  "delivered",
  "bounced_hard",
  "bounced_soft",
  "complained",
  /** Messages opened by a person (a human click counts as an open: images may be blocked). */
  "opened",
  /** Messages clicked by a person; on a link row, messages whose person clicked that link. */
  "clicked",
  /** Every human click, for clicks per link. */
  "clicks",
  "unsubscribed",
  "orders",
  "codes_redeemed",
] as const
export type Counter = (typeof COUNTERS)[number]

/**
 * Money in the currency's minor units (cents): order totals after discounts, discounts given, and
 * what was refunded of attributed orders (on the day of the refund).
 */
export const AMOUNTS = ["revenue", "discount_amount", "refunded"] as const
export type Amount = (typeof AMOUNTS)[number]

export const METRICS = [...COUNTERS, ...AMOUNTS] as const
export type Metric = Counter | Amount
export type Metrics = Record<Metric, number>

/** One row of the daily rollup: a day in the store's timezone (YYYY-MM-DD) and what it is counted by. */
export interface RollupKey {
  day: string
  dimension: RollupDimension
  dimension_id: string
  attribution_model: AttributionModel
  /** "" on rows without money. */
  currency_code: string
}

/** Rows by their key: what a batch of raw data adds to the rollup, or the rollup itself. */
export type Rollup = Map<string, { key: RollupKey; metrics: Metrics }>

export const zeroMetrics = (): Metrics => Object.fromEntries(METRICS.map((metric) => [metric, 0])) as Metrics

const keyString = (key: RollupKey) =>
  [key.day, key.dimension, key.dimension_id, key.attribution_model, key.currency_code].join("\u0000")

/** Adds `metrics` to the row of `key` in place. */
export function addTo(rollup: Rollup, key: RollupKey, metrics: Partial<Metrics>): void {
  const id = keyString(key)
  let row = rollup.get(id)
  if (!row) rollup.set(id, (row = { key, metrics: zeroMetrics() }))
  for (const [metric, value] of Object.entries(metrics) as [Metric, number][]) row.metrics[metric] += value
}

/** The sum of rollups, row by row: what applying deltas one after another (in any order) makes. */
export function mergeRollups(...rollups: Rollup[]): Rollup {
  const merged: Rollup = new Map()
  for (const rollup of rollups) for (const { key, metrics } of rollup.values()) addTo(merged, key, metrics)
  return merged
}

/** The rows sorted by key, for comparison with what the database holds. */
export function rollupRows(rollup: Rollup): (RollupKey & Metrics)[] {
  return [...rollup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { key, metrics }]) => ({ ...key, ...metrics }))
}
