import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CREDITING_MODELS } from "../../../../../../modules/analytics/lib/report"
import AnalyticsModuleService from "../../../../../../modules/analytics/service"
import { MarketingModule } from "../../../../../../types/modules"
import { namesOf } from "../../names"

/**
 * What marketing earned from one customer, for the customer page's widget: per currency and attribution
 * model (side by side, never summed) their orders and revenue credited to a message, and their last
 * engagement (latest human open or click). Money in minor units.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: orders }, { data: [contact] }] = await Promise.all([
    query.graph({ entity: "order", fields: ["id"], filters: { customer_id: req.params.id } }),
    query.graph({ entity: "contact", fields: ["id"], filters: { customer_id: req.params.id } }),
  ])
  const analytics: AnalyticsModuleService = req.scope.resolve(MarketingModule.ANALYTICS)
  const evidence = await analytics.attributionEvidence({ order_ids: orders.map((o) => o.id), contact_ids: contact ? [contact.id] : [] })

  const currencies = [...new Set(evidence.orders.map((order) => order.currency_code))].sort()
  const attributed = currencies.map((currency_code) => {
    const ofCurrency = evidence.orders.filter((order) => order.currency_code === currency_code)
    return {
      currency_code,
      ...Object.fromEntries(
        CREDITING_MODELS.map((model) => {
          const credited = ofCurrency.filter((order) => order.credits.some((credit) => credit.model === model))
          return [model, { orders: credited.length, revenue: credited.reduce((total, order) => total + order.revenue, 0) }]
        })
      ),
    }
  })
  const engagement = contact ? evidence.last_engagement.get(contact.id) ?? null : null
  const [campaigns, journeys] = await Promise.all([
    namesOf(req.scope, "marketing_campaign", [engagement?.campaign_id ?? null]),
    namesOf(req.scope, "journey", [engagement?.journey_id ?? null]),
  ])
  res.json({
    customer_id: req.params.id,
    contact_id: contact?.id ?? null,
    attributed,
    last_engagement: engagement && {
      type: engagement.type,
      at: engagement.at,
      message_id: engagement.message_id,
      campaign: engagement.campaign_id ? campaigns.get(engagement.campaign_id) ?? null : null,
      journey: engagement.journey_id ? journeys.get(engagement.journey_id) ?? null : null,
    },
  })
}
