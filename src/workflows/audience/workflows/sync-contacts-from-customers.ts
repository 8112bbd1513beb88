import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncContactsFromCustomersStep } from "../steps/sync-contacts-from-customers"

export const syncContactsFromCustomersWorkflowId = "sync-marketing-contacts-from-customers"

/** Keeps the contacts of native customers current; run by customer subscribers and the backfill. */
export const syncContactsFromCustomersWorkflow = createWorkflow(
  syncContactsFromCustomersWorkflowId,
  (input: { customer_ids: string[] }) => new WorkflowResponse(syncContactsFromCustomersStep(input.customer_ids))
)
