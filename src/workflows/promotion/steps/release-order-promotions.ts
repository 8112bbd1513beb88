import { IPromotionModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"

export const releaseOrderPromotionsStepId = "release-marketing-order-promotions"

type NativePromotions = IPromotionModuleService & {
  softDeletePromotions(ids: string[]): Promise<void>
  restorePromotions(ids: string[]): Promise<void>
}

/**
 * A cancelled order gives its promotions back. A single-use code's native promotion has counted its
 * use and Medusa does not count it back, so it is retired: the code's next use gets a fresh one.
 */
export const releaseOrderPromotionsStep = createStep(
  releaseOrderPromotionsStepId,
  async (orderId: string, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const released = await promotions.releaseOrder(orderId)
    const codes = released.filter((r) => r.code_id).map((r) => r.code!)
    const native = container.resolve<NativePromotions>(Modules.PROMOTION)
    const retired = codes.length ? (await native.listPromotions({ code: codes }, { select: ["id"] })).map((p: { id: string }) => p.id) : []
    if (retired.length) await native.softDeletePromotions(retired)
    return new StepResponse(released.length, { ids: released.map((r) => r.id), retired })
  },
  async (revert, { container }) => {
    if (!revert) return
    if (revert.retired.length) await container.resolve<NativePromotions>(Modules.PROMOTION).restorePromotions(revert.retired)
    await (container.resolve(MarketingModule.PROMOTION) as PromotionModuleService).reinstateRedemptions(revert.ids)
  }
)
