import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { voidPromotionCodesStep, VoidPromotionCodesStepInput } from "../steps/void-promotion-codes"

export const voidPromotionCodesWorkflowId = "void-marketing-promotion-codes"

export type VoidPromotionCodesWorkflowInput = VoidPromotionCodesStepInput & { actor?: AuditActor }

/** Withdraws codes that were handed out by mistake or leaked; codes in carts or orders are left alone. */
export const voidPromotionCodesWorkflow = createWorkflow(
  voidPromotionCodesWorkflowId,
  (input: VoidPromotionCodesWorkflowInput) => {
    const voided = voidPromotionCodesStep(
      transform({ input }, ({ input }) => ({
        promotion_id: input.promotion_id,
        code_ids: input.code_ids,
        batch_id: input.batch_id,
      }))
    )
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, voided }, ({ input, voided }) => [
        {
          action: "void_codes",
          resource_type: "marketing_promotion",
          resource_id: input.promotion_id,
          before: null,
          after: { batch_id: input.batch_id ?? null, code_ids: input.code_ids ?? null, voided },
        },
      ]),
    })
    return new WorkflowResponse(transform({ voided }, ({ voided }) => ({ voided })))
  }
)
