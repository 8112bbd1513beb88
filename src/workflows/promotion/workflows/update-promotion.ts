import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AuditActor } from "../../../types/audit"
import { MarketingPromotionDTO, UpdateMarketingPromotionDTO } from "../../../types/promotion/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { mirrorNativePromotionsStep } from "../steps/mirror-native-promotions"
import { updatePromotionsStep } from "../steps/promotion-steps"
import { validatePromotionTermsStep } from "../steps/validate-promotion-terms"
import { syncTargetedSegment } from "./sync-targeted-segment"

export const updatePromotionWorkflowId = "update-marketing-promotion"

/**
 * Changes a promotion's terms or status, checked as a whole, and its native mirror with it: a status
 * change keeps the native promotions (carts keep their codes); changed terms rebuild them.
 */
export const updatePromotionWorkflow = createWorkflow(
  updatePromotionWorkflowId,
  (input: { promotion: UpdateMarketingPromotionDTO; actor?: AuditActor }) => {
    const { data } = useQueryGraphStep({
      entity: "marketing_promotion",
      fields: ["*"],
      filters: { id: input.promotion.id },
      options: { throwIfKeyNotFound: true },
    })
    const before = transform({ data }, ({ data }) => data[0] as unknown as MarketingPromotionDTO)
    const merged = transform({ before, input }, ({ before, input }) => ({ ...before, ...input.promotion }))
    validatePromotionTermsStep(transform({ merged }, ({ merged }) => [merged as any]))
    syncTargetedSegment(transform({ merged, input }, ({ merged, input }) => ({ segment_id: merged.segment_id, actor: input.actor })))
    const updated = updatePromotionsStep(transform({ input }, ({ input }) => [input.promotion]))
    const after = transform({ updated }, ({ updated }) => updated[0] as MarketingPromotionDTO)
    mirrorNativePromotionsStep(transform({ before }, ({ before }) => ({ promotion_ids: [before.id] })))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before, after }, ({ before, after }) => [
        { action: "update", resource_type: "marketing_promotion", resource_id: before.id, before, after },
      ]),
    })
    return new WorkflowResponse(after)
  }
)
