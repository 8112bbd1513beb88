import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { UpdateCampaignDTO } from "../../../types/campaign/module"
import { retrieveCampaignForLifecycle } from "../retrieve-campaign-lifecycle"
import { updateCampaignsStep } from "../steps/update-campaigns"
import { validateCampaignUpdateStep } from "../steps/validate-campaign-update"

export const updateCampaignWorkflowId = "update-marketing-campaign"

export const updateCampaignWorkflow = createWorkflow(
  updateCampaignWorkflowId,
  (input: UpdateCampaignDTO) => {
    const campaign = retrieveCampaignForLifecycle(input.id)
    validateCampaignUpdateStep({ campaign, update: input })
    const updated = updateCampaignsStep(transform({ input }, ({ input }) => [input]))
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
