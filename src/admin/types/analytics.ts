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
