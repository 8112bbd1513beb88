import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { publishJourneyDraftStep } from "../steps/publish-journey-draft"

export const publishJourneyWorkflowId = "publish-marketing-journey"

/**
 * Publishes a journey's draft as its live version (400 with the located problems when it does not
 * validate). Running enrollments stay on the version they started on.
 */
export const publishJourneyWorkflow = createWorkflow(publishJourneyWorkflowId, (input: { id: string; actor?: AuditActor }) => {
  const published = publishJourneyDraftStep(
    transform({ input }, ({ input }) => ({ id: input.id, published_by: input.actor?.actor_id ?? null }))
  )
  recordAuditEntriesStep({
    actor: input.actor,
    changes: transform({ published }, ({ published }) => [
      {
        action: "publish",
        resource_type: "marketing_journey",
        resource_id: published.journey.id,
        before: published.before,
        after: {
          status: published.journey.status,
          live_version_id: published.journey.live_version_id,
          trigger_kind: published.journey.trigger_kind,
        },
      },
    ]),
  })
  return new WorkflowResponse(published)
})
