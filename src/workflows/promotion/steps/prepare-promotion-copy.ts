import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { copyName, firstFreeCopyId } from "../../../lib/duplicate"
import PromotionModuleService from "../../../modules/promotion/service"
import { MarketingModule } from "../../../types/modules"
import { CreateMarketingPromotionDTO, MarketingPromotionDTO, PromotionStatus } from "../../../types/promotion/module"

export const preparePromotionCopyStepId = "prepare-marketing-promotion-copy"

/** The longest shared code the admin API takes. */
const MAX_CODE_LENGTH = 64

/**
 * What a duplicate of a promotion is created from: its terms, targeting and limits, as a draft. Not its
 * codes, redemptions or counters; a shared code must be unique, so the copy's is the original's with
 * -COPY (numbered when taken).
 */
export const preparePromotionCopyStep = createStep(preparePromotionCopyStepId, async (id: string, { container }) => {
  const service: PromotionModuleService = container.resolve(MarketingModule.PROMOTION)
  const original: MarketingPromotionDTO = await service.retrieveMarketingPromotion(id)
  const code = original.code
    ? await firstFreeCopyId(original.code, "COPY", MAX_CODE_LENGTH, async (candidates) => {
        const taken = await service.listMarketingPromotions({ code: candidates }, { select: ["code"] })
        return new Set(taken.map((promotion: { code: string | null }) => promotion.code!))
      })
    : null
  const amount = (value: number | null) => (value == null ? null : Number(value))
  const copy: CreateMarketingPromotionDTO = {
    campaign_id: original.campaign_id,
    name: copyName(original.name),
    description: original.description,
    type: original.type,
    status: PromotionStatus.DRAFT,
    code_mode: original.code_mode,
    code,
    code_pattern: original.code_pattern,
    value: amount(original.value),
    currency_code: original.currency_code,
    tiers: original.tiers,
    buy_get: original.buy_get,
    target: original.target,
    segment_id: original.segment_id,
    customer_group_ids: original.customer_group_ids,
    min_subtotal: amount(original.min_subtotal),
    starts_at: original.starts_at,
    ends_at: original.ends_at,
    usage_limit: original.usage_limit,
    per_customer_limit: original.per_customer_limit,
    budget_amount: amount(original.budget_amount),
    stacking: original.stacking,
    priority: original.priority,
  }
  return new StepResponse(copy)
})
