import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignEvents } from "../../../types/campaign/events"
import { CampaignStatus } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { retrieveCampaignBeforeChange } from "../retrieve-campaigns-before-change"
import { updateCampaignsStep } from "../steps/update-campaigns"
import { validateCampaignTransitionStep } from "../steps/validate-campaign-transition"

export const transitionCampaignWorkflowId = "transition-marketing-campaign"

export type TransitionCampaignInput = {
  id: string
  status: CampaignStatus
  /** Set by the delivery pipeline, which alone may move a campaign to sending and sent. */
  by_system?: boolean
  actor?: AuditActor
}

/** Moves a campaign along its lifecycle and announces the change. */
export const transitionCampaignWorkflow = createWorkflow(
  transitionCampaignWorkflowId,
  (input: TransitionCampaignInput) => {
    const campaign = retrieveCampaignBeforeChange(input.id)
    validateCampaignTransitionStep({ campaign, to: input.status, by_system: input.by_system })
    const update = transform({ input }, ({ input }) => [
      {
        id: input.id,
        status: input.status,
        // A recurring campaign sends the runs after it goes live, not the ones it missed while it was not.
        ...(input.status === CampaignStatus.ACTIVE ? { last_occurrence_at: new Date() } : {}),
      },
    ])
    const updated = updateCampaignsStep(update)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ campaign, input }, ({ campaign, input }) => [
        {
          action: "transition",
          resource_type: "marketing_campaign",
          resource_id: campaign.id,
          before: { status: campaign.status },
          after: { status: input.status },
        },
      ]),
    })
    emitEventStep({
      eventName: CampaignEvents.STATUS_CHANGED,
      data: transform({ campaign, input }, ({ campaign, input }) => ({
        id: input.id,
        from: campaign.status,
        to: input.status,
      })),
    })
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
