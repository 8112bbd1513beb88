import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { mirrorNativePromotionsStep } from "../steps/mirror-native-promotions"
import { deletePromotionsStep } from "../steps/delete-promotions"

export const deletePromotionsWorkflowId = "delete-marketing-promotions"

/** Soft-deletes promotions and their native mirrors; the ledger and attributions stay for reporting. */
export const deletePromotionsWorkflow = createWorkflow(
  deletePromotionsWorkflowId,
  (input: { ids: string[]; actor?: AuditActor }) => {
    const { data: before } = useQueryGraphStep({
      entity: "marketing_promotion",
      fields: ["*"],
      filters: { id: input.ids },
    })
    deletePromotionsStep(input.ids)
    mirrorNativePromotionsStep(transform({ input }, ({ input }) => ({ promotion_ids: input.ids })))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before }, ({ before }) =>
        before.map((promotion: any) => ({
          action: "delete",
          resource_type: "marketing_promotion",
          resource_id: promotion.id,
          before: promotion,
          after: null,
        }))
      ),
    })
    return new WorkflowResponse(input.ids)
  }
)
