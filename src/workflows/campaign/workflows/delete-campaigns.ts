import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { retrieveCampaignsForLifecycle } from "../retrieve-campaign-lifecycle"
import { deleteCampaignsStep } from "../steps/delete-campaigns"
import { validateCampaignsDeletableStep } from "../steps/validate-campaigns-deletable"

export const deleteCampaignsWorkflowId = "delete-marketing-campaigns"

export const deleteCampaignsWorkflow = createWorkflow(
  deleteCampaignsWorkflowId,
  (input: { ids: string[] }) => {
    const campaigns = retrieveCampaignsForLifecycle(input.ids)
    validateCampaignsDeletableStep(campaigns)
    return new WorkflowResponse(deleteCampaignsStep(input.ids))
  }
)
