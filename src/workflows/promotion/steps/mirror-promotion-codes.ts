import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { MarketingPromotionDTO } from "../../../types/promotion/module"
import { AcceptedCode } from "../check-cart-codes"
import { mirrorCode, MirrorChanges, noMirrorChanges, revertMirror } from "../native-mirror"
import { asTerms, segmentGroups } from "./mirror-native-promotions"

export const mirrorPromotionCodesStepId = "mirror-marketing-promotion-codes"

/**
 * Generated codes get their native promotion the first time they are applied; a code mirrored already
 * is left as it is. What was created is returned for undoing (`revertMirror`), and undone on failure.
 */
export async function mirrorGeneratedCodes(
  container: MedusaContainer,
  accepted: Pick<AcceptedCode, "code" | "code_id" | "promotion_id">[]
): Promise<MirrorChanges> {
  const generated = accepted.filter((a) => a.code_id)
  const changes = noMirrorChanges()
  if (!generated.length) return changes
  const promotions: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const rows = (await promotions.listMarketingPromotions({
    id: generated.map((g) => g.promotion_id),
  })) as unknown as MarketingPromotionDTO[]
  const groups = await segmentGroups(container.resolve(MarketingModule.AUDIENCE), rows.map((r) => r.segment_id))
  try {
    for (const code of generated) {
      const row = rows.find((r) => r.id === code.promotion_id)!
      await mirrorCode(container, asTerms(row), code.code, { segment_group_id: groups.get(row.segment_id ?? "") ?? null }, changes)
    }
  } catch (error) {
    await revertMirror(container, changes)
    throw error
  }
  return changes
}

export const mirrorPromotionCodesStep = createStep(
  mirrorPromotionCodesStepId,
  async (accepted: AcceptedCode[], { container }) => {
    const changes = await mirrorGeneratedCodes(container, accepted)
    return new StepResponse(changes, changes)
  },
  async (changes: MirrorChanges | undefined, { container }) => {
    if (changes) await revertMirror(container, changes)
  }
)
