import type { CreditingModel, Kpis } from "../../modules/analytics/lib/report"

export type { CreditingModel, Kpis }

export interface AdminAnalyticsSummaryResponse {
  timezone: string
  currency_code: string
  period: { from: string; to: string }
  previous_period: { from: string; to: string }
  current: Kpis
  previous: Kpis
}

export interface AdminAnalyticsTimeseriesResponse {
  timezone: string
  currency_code: string
  metric: string
  granularity: "day" | "week" | "month"
  points: { bucket: string; value: number | null }[]
}

export type TopTableName = "campaigns" | "journeys" | "promotions"

/** A row of a top table: figures by column in the range and in the period before. */
export interface AnalyticsTopRow {
  id: string
  name: string | null
  current: Record<string, number | null>
  previous: Record<string, number | null>
}

export interface AdminAnalyticsTopResponse {
  table: TopTableName
  currency_code: string
  columns: string[]
  rows: AnalyticsTopRow[]
  count: number
}
