import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import MarketingPromotionModule from "../modules/promotion"

// The native promotions that mirror a marketing promotion: its tiers, its shared code, or the
// single-use codes shoppers applied. The native promotion page's widget reads it the other way.
export default defineLink(MarketingPromotionModule.linkable.marketingPromotion, {
  linkable: PromotionModule.linkable.promotion,
  isList: true,
})
