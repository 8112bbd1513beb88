import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { generatePromotionCodesStep, GeneratePromotionCodesStepInput } from "../steps/generate-promotion-codes"

export const generatePromotionCodesWorkflowId = "generate-marketing-promotion-codes"

export type GeneratePromotionCodesWorkflowInput = GeneratePromotionCodesStepInput & { actor?: AuditActor }

/** Generates a batch of single-use codes; the audit log gets one entry for the batch, not one per code. */
export const generatePromotionCodesWorkflow = createWorkflow(
  generatePromotionCodesWorkflowId,
  (input: GeneratePromotionCodesWorkflowInput) => {
    const batch = generatePromotionCodesStep(
      transform({ input }, ({ input }) => ({ promotion_id: input.promotion_id, count: input.count, pattern: input.pattern }))
    )
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, batch }, ({ input, batch }) => [
        {
          action: "generate_codes",
          resource_type: "marketing_promotion",
          resource_id: input.promotion_id,
          before: null,
          after: { batch_id: batch.batch_id, count: batch.count, pattern: batch.pattern },
        },
      ]),
    })
    return new WorkflowResponse(transform({ batch }, ({ batch }) => ({ batch_id: batch.batch_id, count: batch.count })))
  }
)
