import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { eraseContactEventPropertiesStep, eraseContactMessagesStep, eraseContactStep, redactContactAuditStep } from "../steps/erase-contact"

export const eraseContactWorkflowId = "erase-marketing-contact"

export const eraseContactWorkflow = createWorkflow(
  eraseContactWorkflowId,
  (input: { contact_id: string; actor?: AuditActor }) => {
    const erased = eraseContactStep(input.contact_id)
    eraseContactMessagesStep(input.contact_id)
    eraseContactEventPropertiesStep(input.contact_id)
    redactContactAuditStep(erased)
    // Recorded after the redaction, so the erasure itself stays on the record.
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ erased }, ({ erased }) => [
        { action: "erase", resource_type: "marketing_contact", resource_id: erased, before: null, after: null },
      ]),
    })
    return new WorkflowResponse(erased)
  }
)
