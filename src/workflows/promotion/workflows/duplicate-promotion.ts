import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { MarketingPromotionDTO } from "../../../types/promotion/module"
import { duplicatedChange } from "../../../lib/audit/duplicated-change"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { preparePromotionCopyStep } from "../steps/prepare-promotion-copy"
import { createPromotionWorkflow } from "./create-promotion"

export const duplicatePromotionWorkflowId = "duplicate-marketing-promotion"

/** Creates a draft copy of a promotion (and its inactive native mirror) as creating one does; the original records the copy. */
export const duplicatePromotionWorkflow = createWorkflow(
  duplicatePromotionWorkflowId,
  (input: { id: string; actor?: AuditActor }) => {
    const copy = preparePromotionCopyStep(input.id)
    const promotion = createPromotionWorkflow.runAsStep({
      input: transform({ copy, input }, ({ copy, input }) => ({ promotion: copy, actor: input.actor })),
    }) as unknown as MarketingPromotionDTO
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ promotion, input }, ({ promotion, input }) => [
        duplicatedChange("marketing_promotion", input.id, promotion.id),
      ]),
    })
    return new WorkflowResponse(promotion)
  }
)
