import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { AudienceEvents } from "../../../types/audience"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { changeContactMetadataStep, ChangeContactMetadataInput } from "../steps/change-contact-metadata"

export const changeContactMetadataWorkflowId = "change-marketing-contact-metadata"

/** Tags a contact, untags it, or sets its attributes (metadata keys), audited; live segments see the change. */
export const changeContactMetadataWorkflow = createWorkflow(
  changeContactMetadataWorkflowId,
  (input: ChangeContactMetadataInput & { actor?: AuditActor }) => {
    const changed = changeContactMetadataStep(input)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ changed }, ({ changed }) => [
        {
          action: "update",
          resource_type: "marketing_contact",
          resource_id: changed.contact_id,
          before: { metadata: changed.before },
          after: { metadata: changed.after },
        },
      ]),
    })
    emitEventStep({ eventName: AudienceEvents.CONTACTS_CHANGED, data: transform({ input }, ({ input }) => ({ ids: [input.contact_id] })) })
    return new WorkflowResponse(changed)
  }
)
