import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { budgetUse, promotionSeries, promotionTotals } from "../../../../modules/analytics/lib/promotion-report"
import AnalyticsModuleService from "../../../../modules/analytics/service"
import { toMinor } from "../../../../modules/promotion/lib/engine/money"
import PromotionModuleService from "../../../../modules/promotion/service"
import { MarketingModule } from "../../../../types/modules"
import { readReportRows, reportSettings } from "./helpers"
import { namesOf } from "./names"
import { AdminGetPromotionReportParamsType } from "./report-validators"

/**
 * One promotion's report over a range of store days: its orders, revenue, codes and discount per
 * bucket and in total (from the rollup), its budget as it stands, its codes, and the campaigns and
 * journeys whose clicks brought its orders (last click). Money in minor units of `currency_code`.
 */
export async function promotionReport(scope: MedusaContainer, promotionId: string, query: AdminGetPromotionReportParamsType) {
  const { data: [promotion] } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph(
    {
      entity: "marketing_promotion",
      fields: ["id", "name", "status", "code_mode", "code", "campaign_id", "currency_code", "budget_amount", "spent_amount", "starts_at", "ends_at"],
      filters: { id: promotionId },
    },
    { throwIfKeyNotFound: true }
  )
  const { timezone, currency_code } = reportSettings(scope, { ...query, currency_code: query.currency_code ?? promotion.currency_code ?? undefined })
  const days = { first: query.from, last: query.to }
  const analytics: AnalyticsModuleService = scope.resolve(MarketingModule.ANALYTICS)
  const promotions: PromotionModuleService = scope.resolve(MarketingModule.PROMOTION)
  const [{ rows }, drivers, batches] = await Promise.all([
    readReportRows(scope, { ...query, promotion_id: promotionId }, days, currency_code, query.granularity),
    analytics.promotionDrivers({ promotion_id: promotionId, ...days, currency_code }),
    promotions.codeBatches(promotionId),
  ])
  const [campaigns, journeys] = await Promise.all([
    namesOf(scope, "marketing_campaign", drivers.map((d) => d.campaign_id)),
    namesOf(scope, "journey", drivers.map((d) => d.journey_id)),
  ])
  const series = promotionSeries(rows, query.granularity, query.from, query.to)
  const totals = promotionTotals(series)
  // The budget is kept in the promotion's currency; another currency's report has none to show.
  const budgetCurrency = (promotion.currency_code ?? currency_code).toLowerCase()
  const budget =
    budgetCurrency === currency_code && promotion.budget_amount != null
      ? budgetUse(toMinor(Number(promotion.spent_amount), currency_code), toMinor(Number(promotion.budget_amount), currency_code))
      : null
  const sumOf = (key: "count" | "assigned" | "available") => batches.reduce((total, batch) => total + batch[key], 0)
  return {
    timezone,
    currency_code,
    period: { from: query.from, to: query.to },
    granularity: query.granularity,
    promotion: {
      id: promotion.id,
      name: promotion.name,
      status: promotion.status,
      code_mode: promotion.code_mode,
      code: promotion.code,
      campaign_id: promotion.campaign_id,
      starts_at: promotion.starts_at,
      ends_at: promotion.ends_at,
    },
    totals,
    budget,
    /** Generated codes as they stand; the codes redeemed are the range's (from the ledger). */
    codes: { generated: sumOf("count"), assigned: sumOf("assigned"), available: sumOf("available"), redeemed: totals.codes_redeemed },
    series,
    drivers: drivers.map((driver) => ({
      ...driver,
      campaign: driver.campaign_id ? campaigns.get(driver.campaign_id) ?? null : null,
      journey: driver.journey_id ? journeys.get(driver.journey_id) ?? null : null,
    })),
  }
}

export type PromotionReport = Awaited<ReturnType<typeof promotionReport>>
