import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RedeemedPromotion } from "../../../modules/promotion/lib/ledger"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { PlacedOrder } from "../../../lib/promotion/order-discounts"

export const redeemOrderPromotionsStepId = "redeem-marketing-order-promotions"

/**
 * The order's reservations become redemptions, with the discounts the order really got: those of its
 * cart, or, for a converted draft order (no cart), those it held under its own id.
 */
export const redeemOrderPromotionsStep = createStep(
  redeemOrderPromotionsStepId,
  async ({ order, discounts }: { order: PlacedOrder; discounts: RedeemedPromotion[] }, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const redeemed = await promotions.redeemOrder({
      cart_id: order.cart?.id ?? order.id,
      order_id: order.id,
      customer_id: order.customer_id,
      currency_code: order.currency_code,
      discounts,
    })
    return new StepResponse(redeemed, redeemed.length ? order.id : null)
  },
  async (orderId, { container }) => {
    if (!orderId) return
    await (container.resolve(MarketingModule.PROMOTION) as PromotionModuleService).releaseOrder(orderId)
  }
)
