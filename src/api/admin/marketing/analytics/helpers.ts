import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { METRICS } from "../../../../modules/analytics/lib/rollup"
import { ReportRow, ReportRows } from "../../../../modules/analytics/lib/report"
import CampaignModuleService from "../../../../modules/campaign/service"
import { RollupDimension } from "../../../../types/analytics"
import { MarketingModule } from "../../../../types/modules"

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
  const options = (scope.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()
  if (query.timezone !== undefined && query.timezone !== options.default_timezone) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `timezone: analytics are kept per day in the store's timezone, ${options.default_timezone}; ask with that one (or none)`
    )
  }
  return { timezone: options.default_timezone, currency_code: (query.currency_code ?? options.default_currency_code).toLowerCase() }
}

async function readRows(
  scope: MedusaContainer,
  filters: { dimension: string; dimension_id?: string },
  days: { first: string; last: string },
  currency_code: string
): Promise<ReportRow[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "daily_rollup",
    fields: ["day", "dimension_id", "attribution_model", ...METRICS],
    filters: {
      ...filters,
      day: { $gte: days.first, $lte: days.last },
      // Rows without money have no currency; rows with money in another currency are not added in.
      currency_code: ["", currency_code],
    },
  })
  return data.map((row) => ({
    ...row,
    ...Object.fromEntries(METRICS.map((metric) => [metric, Number(row[metric])])),
  })) as ReportRow[]
}

/** The rows a report of the whole store, a campaign, a channel or a promotion reads for some days. */
export async function readReportRows(
  scope: MedusaContainer,
  query: ReportScope,
  days: { first: string; last: string },
  currency_code: string
): Promise<ReportRows> {
  if (query.campaign_id) {
    const rows = await readRows(scope, { dimension: RollupDimension.CAMPAIGN, dimension_id: query.campaign_id }, days, currency_code)
    return { rows, ledger: rows }
  }
  if (query.promotion_id) {
    const rows = await readRows(scope, { dimension: RollupDimension.PROMOTION, dimension_id: query.promotion_id }, days, currency_code)
    return { rows, ledger: rows }
  }
  if (query.channel) {
    const rows = await readRows(scope, { dimension: RollupDimension.CHANNEL, dimension_id: query.channel }, days, currency_code)
    return { rows, ledger: null }
  }
  // The ledger is kept per promotion (and campaign): each line is on exactly one promotion's rows.
  const [rows, ledger] = await Promise.all([
    readRows(scope, { dimension: RollupDimension.ALL, dimension_id: "" }, days, currency_code),
    readRows(scope, { dimension: RollupDimension.PROMOTION }, days, currency_code),
  ])
  return { rows, ledger }
}

/** The campaign rows of some days. */
export const readCampaignRows = (scope: MedusaContainer, days: { first: string; last: string }, currency_code: string) =>
  readRows(scope, { dimension: RollupDimension.CAMPAIGN }, days, currency_code)
