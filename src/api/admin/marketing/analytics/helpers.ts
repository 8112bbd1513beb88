import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { ReportRows } from "../../../../modules/analytics/lib/report"
import { RollupGrouping } from "../../../../modules/analytics/lib/rollup-sums-sql"
import AnalyticsModuleService from "../../../../modules/analytics/service"
import { RollupDimension } from "../../../../types/analytics"
import { MarketingModule } from "../../../../types/modules"
import { marketingOptions } from "../../../../lib/marketing-options"

export interface ReportScope {
  from: string
  to: string
  timezone?: string
  currency_code?: string
  campaign_id?: string
  channel?: string
  promotion_id?: string
}

/**
 * The store's timezone and the currency a report shows. The rollup's days are the store's: a caller
 * reading days in another timezone would be shown other days than it asked for, so that is a 400.
 */
export function reportSettings(scope: MedusaContainer, query: ReportScope) {
  const options = marketingOptions(scope)
  if (query.timezone !== undefined && query.timezone !== options.default_timezone) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `timezone: analytics are kept per day in the store's timezone, ${options.default_timezone}; ask with that one (or none)`
    )
  }
  return { timezone: options.default_timezone, currency_code: (query.currency_code ?? options.default_currency_code).toLowerCase() }
}

type Days = { first: string; last: string }

const analyticsOf = (scope: MedusaContainer): AnalyticsModuleService => scope.resolve(MarketingModule.ANALYTICS)

/**
 * The rows a report of the whole store, a campaign, a channel or a promotion reads for some days,
 * summed in SQL over the range (`by` "range") or per day, week or month.
 */
export async function readReportRows(
  scope: MedusaContainer,
  query: ReportScope,
  days: Days,
  currency_code: string,
  by: Exclude<RollupGrouping, "dimension">
): Promise<ReportRows> {
  const read = (dimension: RollupDimension, dimension_id?: string) =>
    analyticsOf(scope).sumRollup({ dimension, dimension_id, ...days, currency_code, by })
  if (query.campaign_id) {
    const rows = await read(RollupDimension.CAMPAIGN, query.campaign_id)
    return { rows, ledger: rows }
  }
  if (query.promotion_id) {
    const rows = await read(RollupDimension.PROMOTION, query.promotion_id)
    return { rows, ledger: rows }
  }
  if (query.channel) return { rows: await read(RollupDimension.CHANNEL, query.channel), ledger: null }
  // The ledger is kept per promotion (and campaign): each line is on exactly one promotion's rows.
  const [rows, ledger] = await Promise.all([read(RollupDimension.ALL, ""), read(RollupDimension.PROMOTION)])
  return { rows, ledger }
}

/** Each id's rows of one dimension (each campaign's, each promotion's, ...) over some days, summed over them in SQL. */
export const readRowsPerId = (scope: MedusaContainer, dimension: RollupDimension, days: Days, currency_code: string) =>
  analyticsOf(scope).sumRollup({ dimension, ...days, currency_code, by: "dimension" })
