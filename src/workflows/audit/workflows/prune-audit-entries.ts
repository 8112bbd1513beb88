import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pruneAuditEntriesStep } from "../steps/prune-audit-entries"

export const pruneAuditEntriesWorkflowId = "prune-marketing-audit-entries"

export const pruneAuditEntriesWorkflow = createWorkflow(
  pruneAuditEntriesWorkflowId,
  (input: { now?: Date }) => {
    return new WorkflowResponse(pruneAuditEntriesStep(input))
  }
)
