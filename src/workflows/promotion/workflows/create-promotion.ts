import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeCode } from "../../../modules/promotion/lib/code-pattern"
import { AuditActor } from "../../../types/audit"
import { CreateMarketingPromotionDTO, MarketingPromotionDTO } from "../../../types/promotion/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { mirrorNativePromotionsStep } from "../steps/mirror-native-promotions"
import { createPromotionsStep } from "../steps/promotion-steps"
import { validatePromotionTermsStep } from "../steps/validate-promotion-terms"
import { syncTargetedSegment } from "./sync-targeted-segment"

export const createPromotionWorkflowId = "create-marketing-promotion"

/** What a caller may leave out, as the admin API fills it in: any item, any group, a stored code's form. */
function withDefaults(promotion: CreateMarketingPromotionDTO): CreateMarketingPromotionDTO {
  return {
    target: { product_ids: [], category_ids: [], collection_ids: [] },
    customer_group_ids: [],
    ...promotion,
    code: promotion.code ? normalizeCode(promotion.code) : promotion.code,
  }
}

/** Creates a promotion and its native mirror (inactive until the promotion is active). */
export const createPromotionWorkflow = createWorkflow(
  createPromotionWorkflowId,
  (input: { promotion: CreateMarketingPromotionDTO; actor?: AuditActor }) => {
    const toCreate = transform({ input }, ({ input }) => withDefaults(input.promotion))
    validatePromotionTermsStep(transform({ toCreate }, ({ toCreate }) => [toCreate as any]))
    syncTargetedSegment(transform({ input }, ({ input }) => ({ segment_id: input.promotion.segment_id, actor: input.actor })))
    const created = createPromotionsStep(transform({ toCreate }, ({ toCreate }) => [toCreate]))
    const promotion = transform({ created }, ({ created }) => created[0] as MarketingPromotionDTO)
    mirrorNativePromotionsStep(transform({ promotion }, ({ promotion }) => ({ promotion_ids: [promotion.id] })))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ promotion }, ({ promotion }) => [
        { action: "create", resource_type: "marketing_promotion", resource_id: promotion.id, before: null, after: promotion },
      ]),
    })
    return new WorkflowResponse(promotion)
  }
)
