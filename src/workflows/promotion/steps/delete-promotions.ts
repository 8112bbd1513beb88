import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"

export type DeletedPromotions = { ids: string[]; deleted_at: Date }

export const deletePromotionsStepId = "delete-marketing-promotions"

/**
 * Soft-deletes promotions with their codes, set-based at any number of codes. Undone by restoring what carries this
 * run's deleted_at, so the compensation holds a timestamp, not a million code ids.
 */
export const deletePromotionsStep = createStep(
  deletePromotionsStepId,
  async (ids: string[], { container }) => {
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const deleted: DeletedPromotions = { ids, deleted_at: new Date() }
    // Codes are deleted a page per commit: a failure part-way is undone with the same mark.
    try {
      await service.withdrawPromotions(deleted)
    } catch (error) {
      return StepResponse.permanentFailure(`deleting promotions failed: ${(error as Error).message}`, deleted)
    }
    return new StepResponse(ids, deleted)
  },
  async (deleted, { container }) => {
    if (!deleted) return
    const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    await service.reinstateWithdrawnPromotions(deleted)
  }
)
