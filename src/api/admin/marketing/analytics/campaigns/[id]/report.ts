import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { byMailboxProvider, campaignOrders, engagementByHour, funnelOf, linksOf } from "../../../../../../modules/analytics/lib/campaign-report"
import { campaignRoi } from "../../../../../../modules/analytics/lib/campaign-roi"
import { linkDimensionId } from "../../../../../../modules/analytics/lib/message-dimensions"
import { kpisOf } from "../../../../../../modules/analytics/lib/report"
import AnalyticsModuleService from "../../../../../../modules/analytics/service"
import { RollupDimension } from "../../../../../../types/analytics"
import { MarketingModule } from "../../../../../../types/modules"
import { readReportRows, reportSettings } from "../../helpers"
import { AdminGetCampaignReportParamsType } from "./validators"
import { marketingOptions } from "../../../../../../lib/marketing-options"

/** Store days sort as text: these bound every day the campaign has rows for. */
const EVERY_DAY = { first: "0000-01-01", last: "9999-12-31" }

/** The newest orders listed; the count says how many there are. */
const ORDER_LIST_LIMIT = 100

/** Opens and clicks keep coming within about two days of a send. */
const ENGAGEMENT_DAYS = 2

const DAY_MS = 86_400_000

/**
 * One campaign's report: its funnel, hours after sending and mailbox providers read live from its
 * raw messages; clicks per link, and orders, revenue and refunds per attribution model from the
 * rollup (current within about a minute); its ROI, and the orders recorded against it. Money in
 * minor units of `currency_code`.
 */
export async function campaignReport(scope: MedusaContainer, campaignId: string, query: AdminGetCampaignReportParamsType) {
  const { timezone, currency_code } = reportSettings(scope, { ...query, from: EVERY_DAY.first, to: EVERY_DAY.last })
  const medusaQuery = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [campaign] } = await medusaQuery.graph(
    {
      entity: "marketing_campaign",
      fields: ["id", "name", "channel", "status", "budget_amount", "budget_currency_code", "schedule_cron"],
      filters: { id: campaignId },
    },
    { throwIfKeyNotFound: true }
  )
  const analytics: AnalyticsModuleService = scope.resolve(MarketingModule.ANALYTICS)
  const [rows, activity] = await Promise.all([
    readReportRows(scope, { from: EVERY_DAY.first, to: EVERY_DAY.last, campaign_id: campaignId }, EVERY_DAY, currency_code, "range"),
    analytics.campaignActivity(campaignId, ORDER_LIST_LIMIT),
  ])
  const { data: linkRows } = activity.links.length
    ? await medusaQuery.graph({
        entity: "daily_rollup",
        fields: ["dimension_id", "clicks", "clicked"],
        filters: {
          dimension: RollupDimension.LINK,
          dimension_id: activity.links.map(({ position }) => linkDimensionId(campaignId, position)),
        },
      })
    : { data: [] }
  const kpis = kpisOf(rows)
  const credited = kpis.attributed[query.attribution_model]
  const orders = campaignOrders(activity.orders)
  const { data: medusaOrders } = await medusaQuery.graph({
    entity: "order",
    fields: ["id", "display_id"],
    filters: { id: orders.map((order) => order.order_id) },
  })
  const displayIdOf = new Map(medusaOrders.map((order) => [order.id, order.display_id]))
  const funnel = funnelOf(activity.domains)
  const { attribution_days } = marketingOptions(scope).promotions
  const lastSent = funnel.last_sent_at ? new Date(funnel.last_sent_at).getTime() : null
  return {
    timezone,
    currency_code,
    attribution_model: query.attribution_model,
    campaign,
    first_sent_at: funnel.first_sent_at,
    last_sent_at: funnel.last_sent_at,
    /**
     * Until when its figures may still move: opens and clicks for a couple of days, orders within the
     * attribution window; a recurring campaign sends again. Null: not sent yet.
     */
    changing_until:
      lastSent === null ? null : new Date(lastSent + Math.max(ENGAGEMENT_DAYS, attribution_days) * DAY_MS).toISOString(),
    funnel: {
      sent: funnel.sent,
      delivered: funnel.delivered,
      opened: funnel.opened,
      clicked: funnel.clicked,
      ordered: credited.orders,
    },
    bounced: funnel.bounced,
    unsubscribed: funnel.unsubscribed,
    attributed: kpis.attributed,
    roi: campaignRoi({
      currency_code,
      net_revenue: credited.net_revenue,
      spend: kpis.discount_amount ?? 0,
      budget_amount: campaign.budget_amount === null ? null : Number(campaign.budget_amount),
      budget_currency_code: campaign.budget_currency_code,
    }),
    hours: engagementByHour(activity.hours),
    links: linksOf(campaignId, activity.links, linkRows.map((row) => ({ ...row, clicks: Number(row.clicks), clicked: Number(row.clicked) }))),
    providers: byMailboxProvider(activity.domains),
    orders: {
      count: activity.orders[0]?.total ?? 0,
      items: orders.map((order) => ({ ...order, display_id: displayIdOf.get(order.order_id) ?? null })),
    },
  }
}

export type CampaignReport = Awaited<ReturnType<typeof campaignReport>>
