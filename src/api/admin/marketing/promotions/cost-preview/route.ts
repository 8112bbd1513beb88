import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { estimateCost } from "../../../../../modules/promotion/lib/engine"
import { PromotionStatus, PromotionTerms } from "../../../../../types/promotion/module"
import { segmentOrderHistory } from "../../../../../lib/promotion/segment-order-history"
import { AdminPreviewPromotionCostType } from "../validators"

/**
 * What a draft promotion would cost on a segment: its terms replayed on the segment's orders of the
 * last `lookback_days` (see estimateCost for the method). Reads only.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewPromotionCostType>, res: MedusaResponse) => {
  const { promotion, segment_id, lookback_days, redemption_rate } = req.validatedBody
  const { history, segment_size, sampled } = await segmentOrderHistory(req.scope, segment_id, lookback_days)
  const terms: PromotionTerms = {
    id: "preview",
    status: PromotionStatus.ACTIVE,
    value: null,
    currency_code: null,
    tiers: null,
    buy_get: null,
    segment_id,
    min_subtotal: null,
    starts_at: null,
    ends_at: null,
    usage_limit: null,
    per_customer_limit: null,
    budget_amount: null,
    stacking: "stackable",
    priority: 0,
    ...promotion,
  }
  const estimate = estimateCost(terms, history, {
    redemption_rate,
    population_scale: sampled ? segment_size / sampled : 1,
  })
  res.json({ estimate, segment_size, customers_sampled: sampled, lookback_days })
}
