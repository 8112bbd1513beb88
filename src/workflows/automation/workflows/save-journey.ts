import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { saveJourneyDraftStep, SaveJourneyDraftInput } from "../steps/save-journey-draft"

export const saveJourneyWorkflowId = "save-marketing-journey"

/** Creates a journey or edits its draft (a live journey's edit is a new draft version, published later). */
export const saveJourneyWorkflow = createWorkflow(saveJourneyWorkflowId, (input: SaveJourneyDraftInput & { actor?: AuditActor }) => {
  const saved = saveJourneyDraftStep(input)
  recordAuditEntriesStep({
    actor: input.actor,
    changes: transform({ saved, input }, ({ saved, input }) => [
      {
        action: input.id ? "update" : "create",
        resource_type: "marketing_journey",
        resource_id: saved.journey.id,
        before: saved.before,
        after: { ...saved.after, draft_version: saved.version.number },
      },
    ]),
  })
  return new WorkflowResponse(saved)
})
