import { z } from "@medusajs/framework/zod"
import MarketingPromotion from "../../../modules/promotion/models/promotion"
import { modelSchema } from "../../utils/model-schema"

export const StoreSubscribeResponse = z.object({ message: z.string() })

export const StoreValidateCodeResponse = z.union([
  z.object({
    code: z.string(),
    valid: z.literal(true),
    already_applied: z.boolean(),
    /** In the cart's currency; null when it cannot be known before the cart is priced. */
    estimated_discount: z.number().nullable(),
  }),
  z.object({
    code: z.string(),
    valid: z.literal(false),
    /** Why, as a stable key (`not_found`, `expired`, `usage_limit_reached`, ...). */
    reason: z.string(),
    /** The reason as a sentence the storefront can show. */
    message: z.string(),
  }),
])

const offerTerms = modelSchema(MarketingPromotion, ["name", "description", "type", "value", "currency_code", "tiers", "min_subtotal", "ends_at"])
export const StoreOffersResponse = z.object({
  offers: z.array(
    offerTerms.extend({
      promotion_id: z.string(),
      /** What to type at checkout: the shared code, the customer's own code, or null when it applies by itself. */
      code: z.string().nullable(),
    })
  ),
})

export const StoreRecordClickResponse = z.object({ cart_id: z.string(), message_id: z.string(), campaign_id: z.string().nullable() })
