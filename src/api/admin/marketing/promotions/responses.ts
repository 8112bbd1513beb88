import { z } from "@medusajs/framework/zod"
import MarketingPromotion from "../../../../modules/promotion/models/promotion"
import Redemption from "../../../../modules/promotion/models/redemption"
import { deletedSchema, listSchema, modelSchema } from "../../../utils/model-schema"
import { promotionFields, redemptionFields } from "./query-config"

/** As presentPromotion answers it: with whether no new shopper can use it, and why. */
export const AdminPromotion = modelSchema(MarketingPromotion, promotionFields).extend({
  exhausted: z.boolean(),
  exhausted_reason: z.enum(["limit_reached", "budget_exhausted"]).nullable(),
})
export const AdminPromotionResponse = z.object({
  promotion: AdminPromotion.extend({
    /** The native promotions that mirror its terms (a tier each, or its shared code); null for one deleted since. */
    promotions: z.array(z.object({ id: z.string(), code: z.string(), status: z.string() }).nullable()),
  }),
})
export const AdminPromotionListResponse = listSchema("promotions", AdminPromotion)
export const AdminPromotionDeleteResponse = deletedSchema("marketing_promotion")
/** Null for a native promotion of the store's own. */
export const AdminPromotionByNativeResponse = z.object({ promotion: modelSchema(MarketingPromotion, promotionFields).nullable() })
export const AdminRedemptionListResponse = listSchema("redemptions", modelSchema(Redemption, redemptionFields))

const count = z.number().int()
export const AdminPromotionCostPreviewResponse = z.object({
  estimate: z.object({
    customers: count,
    customers_with_eligible_orders: count,
    orders_considered: count,
    eligible_orders: count,
    expected_redemptions: count,
    expected_cost: z.number(),
    average_discount: z.number(),
    currency_code: z.string().nullable(),
    capped_by: z.enum(["usage_limit", "budget"]).nullable(),
  }),
  segment_size: count,
  /** Customers whose orders were replayed: a sample of a large segment, scaled up. */
  customers_sampled: count,
  lookback_days: count,
})
