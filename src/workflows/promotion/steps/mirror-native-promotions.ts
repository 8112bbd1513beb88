import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { MarketingPromotionDTO } from "../../../types/promotion/module"
import { mirrorPromotion, MirrorChanges, noMirrorChanges, revertMirror, segmentGroups } from "../../../lib/promotion/native-mirror"
import { asTerms } from "../../../lib/promotion/promotion-terms"

export const mirrorNativePromotionsStepId = "mirror-marketing-promotions-natively"


/**
 * Brings the native promotions in line with the marketing promotions named (deleted ones included,
 * whose native promotions go with them). A failure later in the workflow puts the native side back.
 */
export const mirrorNativePromotionsStep = createStep(
  mirrorNativePromotionsStepId,
  async (input: { promotion_ids: string[] }, { container }) => {
    const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
    const rows = (await promotions.listMarketingPromotions(
      { id: input.promotion_ids },
      { withDeleted: true }
    )) as unknown as MarketingPromotionDTO[]
    const groups = await segmentGroups(container.resolve(MarketingModule.AUDIENCE), rows.map((r) => r.segment_id))
    const changes = noMirrorChanges()
    try {
      for (const row of rows) {
        await mirrorPromotion(container, asTerms(row), { segment_group_id: groups.get(row.segment_id ?? "") ?? null }, changes)
      }
    } catch (error) {
      await revertMirror(container, changes)
      throw error
    }
    return new StepResponse(changes, changes)
  },
  async (changes: MirrorChanges | undefined, { container }) => {
    if (changes) await revertMirror(container, changes)
  }
)

