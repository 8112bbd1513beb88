import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CampaignStatus } from "../../../types/campaign/module"
import { recordCampaignStatusChange } from "../../campaign/workflows/record-campaign-status-change"
import { changeCampaignStatusStep, ChangeCampaignStatusInput } from "../../campaign/steps/change-campaign-status"

export const completeSentCampaignWorkflowId = "complete-sent-marketing-campaign"

/**
 * Moves a one-off campaign whose every message has left from `sending` to `sent`, audited and
 * announced. Delivery workers in several processes may all find it finished: it is completed
 * once, and the others' runs change nothing (`changed` false).
 */
export const completeSentCampaignWorkflow = createWorkflow(completeSentCampaignWorkflowId, (input: { id: string }) => {
  const change = transform({ input }, ({ input }): ChangeCampaignStatusInput => ({
    id: input.id,
    from: CampaignStatus.SENDING,
    to: CampaignStatus.SENT,
    if_moved_meanwhile: "skip",
  }))
  const result = changeCampaignStatusStep(change)
  recordCampaignStatusChange({ change, result })
  return new WorkflowResponse(transform({ result }, ({ result }) => ({ changed: result.changed })))
})
