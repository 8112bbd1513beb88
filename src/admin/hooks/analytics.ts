import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type {
  AdminAnalyticsSummaryResponse,
  AdminAnalyticsTimeseriesResponse,
  AdminAnalyticsTopResponse,
  CreditingModel,
  TopTableName,
} from "../types/analytics"

const ANALYTICS_PATH = "/admin/marketing/analytics"

/** Store days, `YYYY-MM-DD`, both included. */
export interface AnalyticsRange {
  from: string
  to: string
}

export const analyticsQueryKeys = {
  all: ["marketing_analytics"] as const,
  summary: (range: AnalyticsRange) => [...analyticsQueryKeys.all, "summary", range] as const,
  timeseries: (query: object) => [...analyticsQueryKeys.all, "timeseries", query] as const,
  top: (query: object) => [...analyticsQueryKeys.all, "top", query] as const,
}

export const useAnalyticsSummary = (range: AnalyticsRange) =>
  useQuery<AdminAnalyticsSummaryResponse, FetchError>({
    queryKey: analyticsQueryKeys.summary(range),
    queryFn: () => sdk.client.fetch(`${ANALYTICS_PATH}/summary`, { query: range }),
    placeholderData: keepPreviousData,
  })

export const useAnalyticsTimeseries = (
  range: AnalyticsRange,
  metric: "sent" | "revenue",
  attribution_model: CreditingModel
) => {
  const query = { ...range, metric, attribution_model, granularity: "day" }
  return useQuery<AdminAnalyticsTimeseriesResponse, FetchError>({
    queryKey: analyticsQueryKeys.timeseries(query),
    queryFn: () => sdk.client.fetch(`${ANALYTICS_PATH}/timeseries`, { query }),
    placeholderData: keepPreviousData,
  })
}

/** The dashboard's top campaigns, journeys or promotions of a range, sorted by `order` (a column, `-` for descending). */
export const useAnalyticsTop = (table: TopTableName, range: AnalyticsRange, attribution_model: CreditingModel, order: string, limit: number) => {
  const query = { table, ...range, attribution_model, order, limit: String(limit) }
  return useQuery<AdminAnalyticsTopResponse, FetchError>({
    queryKey: analyticsQueryKeys.top(query),
    queryFn: () => sdk.client.fetch(`${ANALYTICS_PATH}/top`, { query }),
    placeholderData: keepPreviousData,
  })
}
