import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import { saveResponseAsFile } from "../lib/download"
import { sdk } from "../lib/sdk"
import type { AdminCustomerAnalyticsResponse, AdminOrderCreditsResponse, AdminPromotionReportResponse } from "../types/analytics-reports"
import { analyticsQueryKeys, type AnalyticsRange } from "./analytics"

const ANALYTICS_PATH = "/admin/marketing/analytics"
/** The rollup is refreshed every minute: a live report asks again as often. */
const LIVE_REFRESH_MS = 60_000

export const analyticsReportQueryKeys = {
  promotion: (id: string, query: object) => [...analyticsQueryKeys.all, "promotion", id, query] as const,
  order: (id: string) => [...analyticsQueryKeys.all, "order", id] as const,
  customer: (id: string) => [...analyticsQueryKeys.all, "customer", id] as const,
}

/** A promotion's report; `live` (the promotion is running) refreshes it every minute. */
export const usePromotionReport = (id: string, range: AnalyticsRange, live: boolean) =>
  useQuery<AdminPromotionReportResponse, FetchError>({
    queryKey: analyticsReportQueryKeys.promotion(id, range),
    queryFn: () => sdk.client.fetch(`${ANALYTICS_PATH}/promotions/${id}`, { query: range }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  })

export const useOrderCredits = (orderId: string) =>
  useQuery<AdminOrderCreditsResponse, FetchError>({
    queryKey: analyticsReportQueryKeys.order(orderId),
    queryFn: () => sdk.client.fetch(`${ANALYTICS_PATH}/orders/${orderId}`),
  })

export const useCustomerAnalytics = (customerId: string) =>
  useQuery<AdminCustomerAnalyticsResponse, FetchError>({
    queryKey: analyticsReportQueryKeys.customer(customerId),
    queryFn: () => sdk.client.fetch(`${ANALYTICS_PATH}/customers/${customerId}`),
  })

/** Downloads a report file (CSV or PDF) made by the server: `path` under the analytics routes. */
export const useDownloadReport = () =>
  useMutation<void, FetchError, { path: string; query: Record<string, string>; accept: "text/csv" | "application/pdf"; fallbackName: string }>({
    mutationFn: async ({ path, query, accept, fallbackName }) => {
      const response = await sdk.client.fetch<Response>(`${ANALYTICS_PATH}/${path}`, { query, headers: { accept } })
      await saveResponseAsFile(response, fallbackName)
    },
  })
