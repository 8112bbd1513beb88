import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignStatus } from "../../../types/campaign/module"
import { recordCampaignStatusChange } from "./record-campaign-status-change"
import { retrieveCampaignBeforeChange } from "./retrieve-campaigns-before-change"
import { changeCampaignStatusStep, ChangeCampaignStatusInput } from "../steps/change-campaign-status"
import { validateCampaignTransitionStep } from "../steps/validate-campaign-transition"

export const transitionCampaignWorkflowId = "transition-marketing-campaign"

export type TransitionCampaignInput = {
  id: string
  status: CampaignStatus
  /** Set by the delivery pipeline, which alone may move a campaign to sending and sent. */
  by_system?: boolean
  actor?: AuditActor
}

/**
 * Moves a campaign along its lifecycle and announces the change. Of two concurrent transitions of
 * one campaign, the one that finds it moved already is refused (400).
 */
export const transitionCampaignWorkflow = createWorkflow(
  transitionCampaignWorkflowId,
  (input: TransitionCampaignInput) => {
    const campaign = retrieveCampaignBeforeChange(input.id)
    validateCampaignTransitionStep({ campaign, to: input.status, by_system: input.by_system })
    const change = transform({ campaign, input }, ({ campaign, input }): ChangeCampaignStatusInput => ({
      id: input.id,
      from: campaign.status,
      to: input.status,
      // A recurring campaign sends the runs after it goes live, not the ones it missed while it was not.
      ...(input.status === CampaignStatus.ACTIVE
        ? { occurrence: { at: new Date(), before: (campaign.last_occurrence_at as Date | null) ?? null } }
        : {}),
      if_moved_meanwhile: "refuse",
    }))
    const result = changeCampaignStatusStep(change)
    recordCampaignStatusChange({ change, result, actor: input.actor })
    return new WorkflowResponse(transform({ result }, ({ result }) => result.campaign))
  }
)
