import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { Kpis, kpisPerDimension } from "../../../../../modules/analytics/lib/report"
import { readCampaignRows, reportSettings } from "../helpers"
import { AdminGetAnalyticsCampaignsParamsType, CAMPAIGN_SORT_FIELDS } from "../validators"

type SortField = (typeof CAMPAIGN_SORT_FIELDS)[number]

/** The campaigns with activity in a range of store days, with their KPIs: sorted, a page at a time. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAnalyticsCampaignsParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetAnalyticsCampaignsParamsType
  const { timezone, currency_code } = reportSettings(req.scope, query)
  const perCampaign = kpisPerDimension(await readCampaignRows(req.scope, { first: query.from, last: query.to }, currency_code))
  const model = query.attribution_model
  const valueOf = (kpis: Kpis, field: SortField) =>
    field === "orders" || field === "revenue" ? kpis.attributed[model][field] : kpis[field]
  const field = query.order.replace(/^-/, "") as SortField
  const direction = query.order.startsWith("-") ? -1 : 1
  const sorted = [...perCampaign]
    .map(([campaign_id, kpis]) => ({ campaign_id, ...kpis }))
    .sort((a, b) => direction * (valueOf(a, field) - valueOf(b, field)) || a.campaign_id.localeCompare(b.campaign_id))
  const page = sorted.slice(query.offset, query.offset + query.limit)

  const { data: campaigns } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "marketing_campaign",
    fields: ["id", "name", "channel", "status"],
    filters: { id: page.map((row) => row.campaign_id) },
    withDeleted: true,
  })
  const campaignOf = new Map(campaigns.map((campaign) => [campaign.id, campaign]))
  res.json({
    timezone,
    currency_code,
    attribution_model: model,
    campaigns: page.map((row) => ({ ...row, campaign: campaignOf.get(row.campaign_id) ?? null })),
    count: sorted.length,
    offset: query.offset,
    limit: query.limit,
  })
}
