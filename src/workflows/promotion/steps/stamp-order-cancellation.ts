import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"

export const stampOrderCancellationStepId = "stamp-marketing-order-cancellation"

/**
 * Marks a cancelled order's attribution cancelled, once: the analytics rollup reads the cancellation
 * from there (indexed) instead of scanning Medusa's orders for one.
 */
export const stampOrderCancellationStep = createStep(
  stampOrderCancellationStepId,
  async (orderId: string, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const stamped = await promotions.stampOrderCancellation(orderId)
    return new StepResponse(stamped.length > 0, stamped)
  },
  async (stamped, { container }) => {
    if (!stamped?.length) return
    await (container.resolve(MarketingModule.PROMOTION) as PromotionModuleService).unstampOrderCancellations(stamped)
  }
)
