import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"

export type VoidPromotionCodesStepInput = { promotion_id: string; code_ids?: string[]; batch_id?: string }

export const voidPromotionCodesStepId = "void-marketing-promotion-codes"

/** Voids a promotion's available codes, listed or of a batch; undone by making them available again. */
export const voidPromotionCodesStep = createStep(
  voidPromotionCodesStepId,
  async (input: VoidPromotionCodesStepInput, { container }) => {
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.retrieveMarketingPromotion(input.promotion_id, { select: ["id"] })
    const voided = await service.voidCodes(input)
    return new StepResponse(voided.length, voided)
  },
  async (codeIds, { container }) => {
    if (!codeIds?.length) return
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.unvoidCodes(codeIds)
  }
)
