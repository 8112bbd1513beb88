import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents } from "../../../types/audience"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { syncContactsFromCustomersStep } from "../steps/sync-contacts-from-customers"

export const syncContactsFromCustomersWorkflowId = "sync-marketing-contacts-from-customers"

/** Keeps the contacts of native customers current; run by customer subscribers and the backfill. */
export const syncContactsFromCustomersWorkflow = createWorkflow(
  syncContactsFromCustomersWorkflowId,
  (input: { customer_ids: string[] }) => {
    const synced = syncContactsFromCustomersStep(input.customer_ids)
    recordAuditEntriesStep({
      changes: transform({ synced }, ({ synced }) =>
        synced.map(({ before, after }) => ({
          action: before ? "update" : "create",
          resource_type: "marketing_contact",
          resource_id: after.id,
          before,
          after,
        }))
      ),
    })
    emitEventStep({
      eventName: AudienceEvents.CONTACTS_CHANGED,
      data: transform({ synced }, ({ synced }) => ({ ids: synced.map(({ after }) => after.id) })),
    })
    return new WorkflowResponse(synced)
  }
)
