import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { marketingOptions } from "../../../lib/marketing-options"

export const findAbandonedCartsStepId = "find-marketing-abandoned-carts"

/**
 * Carts that have held a reservation longer than `promotions.reservation_minutes`, with the codes they
 * hold and whether they are still open (a completed cart's codes are the order's now).
 */
export const findAbandonedCartsStep = createStep(
  findAbandonedCartsStepId,
  async (input: { limit: number; now?: Date }, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const { reservation_minutes } = marketingOptions(container).promotions
    const before = new Date((input.now ?? new Date()).getTime() - reservation_minutes * 60_000)
    const cartIds = await promotions.cartsHoldingSince(before, input.limit)
    if (!cartIds.length) return new StepResponse([])
    const held = await promotions.listRedemptions({ cart_id: cartIds, status: "reserved" }, { select: ["cart_id", "code"] })
    return new StepResponse(
      cartIds.map((cart_id) => ({
        cart_id,
        codes: held.filter((r) => r.cart_id === cart_id && r.code).map((r) => r.code as string),
      }))
    )
  }
)
