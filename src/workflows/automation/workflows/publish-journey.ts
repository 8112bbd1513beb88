import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import type { Trigger } from "../../../modules/automation/lib/journey-schema"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { enrollAndWake } from "./enroll-and-wake"
import { loadJourneySegmentStep } from "../steps/load-journey-segment"
import { publishJourneyDraftStep } from "../steps/publish-journey-draft"

export const publishJourneyWorkflowId = "publish-marketing-journey"

/**
 * Publishes a journey's draft as its live version (400 with the located problems when it does not
 * validate). Running enrollments stay on the version they started on. A segment trigger takes its
 * segment's members as they are now (enrolled now only when the trigger asks for it).
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
  }).config({ name: "record-journey-publish-audit" })
  const segment = loadJourneySegmentStep(
    transform({ published }, ({ published }) => ({ journey_id: published.journey.id, trigger: published.version.trigger as Trigger }))
  )
  enrollAndWake(
    transform({ published, segment }, ({ published, segment }) => ({
      trigger: "segment.entered" as const,
      contact_ids: segment.current_members,
      journey_ids: [published.journey.id],
    })),
    input.actor
  )
  return new WorkflowResponse(published)
})
