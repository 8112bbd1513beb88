import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { UpdateCampaignDTO } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { retrieveCampaignBeforeChange } from "./retrieve-campaigns-before-change"
import { compileCampaignContentStep } from "../steps/compile-campaign-content"
import { updateCampaignsStep } from "../steps/update-campaigns"
import { validateCampaignSegmentsStep } from "../steps/validate-campaign-segment"
import { validateCampaignUpdateStep } from "../steps/validate-campaign-update"

export const updateCampaignWorkflowId = "update-marketing-campaign"

export type UpdateCampaignWorkflowInput = { campaign: UpdateCampaignDTO; actor?: AuditActor }

export const updateCampaignWorkflow = createWorkflow(
  updateCampaignWorkflowId,
  (input: UpdateCampaignWorkflowInput) => {
    const before = retrieveCampaignBeforeChange(input.campaign.id)
    validateCampaignUpdateStep({ campaign: before, update: input.campaign })
    validateCampaignSegmentsStep(transform({ input }, ({ input }) => [input.campaign]))
    const compiled = compileCampaignContentStep(
      transform({ input, before }, ({ input, before }) => [
        { channel: input.campaign.channel ?? before.channel, blocks: input.campaign.blocks },
      ])
    )
    const updated = updateCampaignsStep(
      transform({ input, compiled }, ({ input, compiled }) => [
        // A body written by hand replaces the blocks it may have been compiled from.
        { ...(input.campaign.body !== undefined ? { blocks: null } : {}), ...input.campaign, ...compiled[0] },
      ])
    )
    const after = transform({ updated }, ({ updated }) => updated[0])
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ before, after }, ({ before, after }) => [
        { action: "update", resource_type: "marketing_campaign", resource_id: before.id, before, after },
      ]),
    })
    return new WorkflowResponse(after)
  }
)
