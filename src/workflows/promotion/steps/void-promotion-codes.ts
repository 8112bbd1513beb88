import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"

export type VoidPromotionCodesStepInput = { promotion_id: string; code_ids?: string[]; batch_id?: string }

export const voidPromotionCodesStepId = "void-marketing-promotion-codes"

/**
 * Voids a promotion's available codes, listed or of a batch, set-based at any number of codes; undone by making the
 * codes voided at this run's timestamp available again.
 */
export const voidPromotionCodesStep = createStep(
  voidPromotionCodesStepId,
  async (input: VoidPromotionCodesStepInput, { container }) => {
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.retrieveMarketingPromotion(input.promotion_id, { select: ["id"] })
    const run = { promotion_id: input.promotion_id, voided_at: new Date() }
    // Codes are voided a page per commit: a failure part-way is undone with the same timestamp.
    try {
      const voided = await service.voidCodes({ ...input, voided_at: run.voided_at })
      return new StepResponse(voided, run)
    } catch (error) {
      return StepResponse.permanentFailure(`voiding codes failed: ${(error as Error).message}`, run)
    }
  },
  async (run, { container }) => {
    if (!run) return
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.unvoidCodes(run)
  }
)
