import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { MarketingPromotionDTO } from "../../../types/promotion/module"
import { mirrorPromotion, MirrorChanges, noMirrorChanges, revertMirror } from "../native-mirror"

export const mirrorNativePromotionsStepId = "mirror-marketing-promotions-natively"

/** The native customer group of each targeted segment (the workflow has turned its sync on). */
export async function segmentGroups(audience: AudienceModuleService, segmentIds: (string | null)[]) {
  const ids = [...new Set(segmentIds.filter(Boolean))] as string[]
  if (!ids.length) return new Map<string, string | null>()
  const segments = await audience.listSegments({ id: ids }, { select: ["id", "customer_group_id"], withDeleted: true })
  return new Map(segments.map((s: { id: string; customer_group_id: string | null }) => [s.id, s.customer_group_id]))
}

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

/** bigNumber columns come back as BigNumber objects; the mirror and the engine take plain numbers. */
export function asTerms(row: MarketingPromotionDTO): MarketingPromotionDTO {
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  return {
    ...row,
    value: number(row.value),
    min_subtotal: number(row.min_subtotal),
    budget_amount: number(row.budget_amount),
    spent_amount: Number(row.spent_amount ?? 0),
    target: row.target ?? { product_ids: [], category_ids: [], collection_ids: [] },
    customer_group_ids: row.customer_group_ids ?? [],
  }
}
