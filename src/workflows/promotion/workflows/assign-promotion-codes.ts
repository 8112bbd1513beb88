import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { assignPromotionCodesStep, CodeRecipients, resolveCodeRecipientsStep } from "../steps/assign-promotion-codes"

export const assignPromotionCodesWorkflowId = "assign-marketing-promotion-codes"

export type AssignPromotionCodesWorkflowInput = { promotion_id: string; recipients: CodeRecipients; actor?: AuditActor }

/**
 * Assigns one code of the promotion to each listed (or segment) contact that has none yet, so that
 * only that contact can use it and their messages can print it. Running it again assigns nothing new.
 */
export const assignPromotionCodesWorkflow = createWorkflow(
  assignPromotionCodesWorkflowId,
  (input: AssignPromotionCodesWorkflowInput) => {
    const contactIds = resolveCodeRecipientsStep(input.recipients)
    const assigned = assignPromotionCodesStep(
      transform({ input, contactIds }, ({ input, contactIds }) => ({ promotion_id: input.promotion_id, contact_ids: contactIds }))
    )
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, contactIds, assigned }, ({ input, contactIds, assigned }) => [
        {
          action: "assign_codes",
          resource_type: "marketing_promotion",
          resource_id: input.promotion_id,
          before: null,
          after: { segment_id: input.recipients.segment_id ?? null, contacts: contactIds.length, assigned },
        },
      ]),
    })
    return new WorkflowResponse(transform({ assigned }, ({ assigned }) => ({ assigned })))
  }
)
