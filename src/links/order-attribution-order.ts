import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import MarketingPromotionModule from "../modules/promotion"

// Read-only: the attribution row holds order_id; the link lets query.graph join the native order.
export default defineLink(
  { linkable: MarketingPromotionModule.linkable.orderAttribution, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
