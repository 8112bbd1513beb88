import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import AnalyticsModuleService from "../../../../../../modules/analytics/service"
import { MarketingModule } from "../../../../../../types/modules"
import { namesOf } from "../../names"

/**
 * What marketing is credited with for one order, for its attribution widget: the message each
 * attribution model credits (with its campaign or journey) and the promotions it used, by name.
 * `attribution` is null for an order marketing has no record of.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const analytics: AnalyticsModuleService = req.scope.resolve(MarketingModule.ANALYTICS)
  const { orders: [order] } = await analytics.attributionEvidence({ order_ids: [req.params.id], contact_ids: [] })
  if (!order) {
    res.json({ order_id: req.params.id, attribution: null })
    return
  }
  const [campaigns, journeys, promotions] = await Promise.all([
    namesOf(req.scope, "marketing_campaign", order.credits.map((c) => c.campaign_id)),
    namesOf(req.scope, "journey", order.credits.map((c) => c.journey_id)),
    namesOf(req.scope, "marketing_promotion", order.promotion_ids),
  ])
  res.json({
    order_id: order.order_id,
    attribution: {
      currency_code: order.currency_code,
      revenue: order.revenue,
      discount_amount: order.discount_amount,
      credits: order.credits.map((credit) => ({
        model: credit.model,
        message_id: credit.message_id,
        campaign: credit.campaign_id ? campaigns.get(credit.campaign_id) ?? { id: credit.campaign_id, name: credit.campaign_id } : null,
        journey: credit.journey_id ? journeys.get(credit.journey_id) ?? { id: credit.journey_id, name: credit.journey_id } : null,
      })),
      // A promotion deleted since keeps its id.
      promotions: order.promotion_ids.map((id) => promotions.get(id) ?? { id, name: id }),
    },
  })
}
