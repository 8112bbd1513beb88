import { METRICS } from "./rollup"

/**
 * The dashboard's reads: sums of the daily rollup's rows, added up by PostgreSQL so that a report
 * reads a few rows (one per attribution model and bucket or dimension id) instead of every day's.
 * $1 dimension, $2 its id (null: every id of it), $3..$4 store days, $5 the currency (rows without
 * money, currency "", are always added in). The rows come out as the report core's ReportRow: `day`
 * is the first day of the bucket (the first of the range for sums over it), which the core's
 * bucketing labels the same as any day of that bucket.
 */
const sums = (bucket: string, dimensionId: string) => `
  SELECT ${bucket} AS day, ${dimensionId} AS dimension_id, attribution_model,
         ${METRICS.map((metric) => `sum(${metric})::float8 AS ${metric}`).join(", ")}
    FROM marketing_analytics_daily_rollup
   WHERE dimension = $1 AND ($2::text IS NULL OR dimension_id = $2) AND day BETWEEN $3 AND $4
     AND currency_code IN ('', $5) AND deleted_at IS NULL
   GROUP BY 1, 2, 3`

/** Weeks start on Monday, as ISO weeks (and PostgreSQL's date_trunc) do. */
const startOf = (unit: "week" | "month") => `date_trunc('${unit}', day::timestamp)::date::text`

/** How a read groups the days: into one sum over the range, per bucket, or per dimension id over the range. */
export const ROLLUP_SUMS = {
  range: sums("$3::text", "''"),
  day: sums("day", "''"),
  week: sums(startOf("week"), "''"),
  month: sums(startOf("month"), "''"),
  dimension: sums("$3::text", "dimension_id"),
} as const

export type RollupGrouping = keyof typeof ROLLUP_SUMS
