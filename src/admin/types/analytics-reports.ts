import type { PromotionDriver, PromotionPoint, PromotionTotals } from "../../modules/analytics/lib/promotion-report"
import type { CreditingModel } from "./analytics"

type Named = { id: string; name: string }

/** GET /admin/marketing/analytics/promotions/:id — money in minor units of `currency_code`. */
export interface AdminPromotionReportResponse {
  timezone: string
  currency_code: string
  period: { from: string; to: string }
  granularity: "day" | "week" | "month"
  promotion: Named & { status: string; code_mode: string; code: string | null; campaign_id: string | null; starts_at: string | null; ends_at: string | null }
  totals: PromotionTotals
  budget: { budget: number; spent: number; remaining: number; used: number } | null
  codes: { generated: number; assigned: number; available: number; redeemed: number }
  series: PromotionPoint[]
  drivers: (PromotionDriver & { campaign: Named | null; journey: Named | null })[]
}

export interface AnalyticsCredit {
  model: CreditingModel
  message_id: string
  campaign: Named | null
  journey: Named | null
}

/** GET /admin/marketing/analytics/orders/:id */
export interface AdminOrderCreditsResponse {
  order_id: string
  attribution: {
    currency_code: string
    revenue: number
    discount_amount: number
    credits: AnalyticsCredit[]
    promotions: Named[]
  } | null
}

/** GET /admin/marketing/analytics/customers/:id */
export interface AdminCustomerAnalyticsResponse {
  customer_id: string
  contact_id: string | null
  attributed: ({ currency_code: string } & Record<CreditingModel, { orders: number; revenue: number }>)[]
  last_engagement: { type: "open" | "click"; at: string; message_id: string; campaign: Named | null; journey: Named | null } | null
}
