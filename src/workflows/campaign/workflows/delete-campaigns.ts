import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { LIFECYCLE_FIELDS } from "../lifecycle-fields"
import { deleteCampaignsStep } from "../steps/delete-campaigns"
import { validateCampaignsDeletableStep } from "../steps/validate-campaigns-deletable"

export const deleteCampaignsWorkflowId = "delete-marketing-campaigns"

export const deleteCampaignsWorkflow = createWorkflow(
  deleteCampaignsWorkflowId,
  (input: { ids: string[] }) => {
    const { data: campaigns } = useQueryGraphStep({
      entity: "marketing_campaign",
      fields: LIFECYCLE_FIELDS,
      filters: { id: input.ids },
      options: { throwIfKeyNotFound: true },
    })
    validateCampaignsDeletableStep(campaigns)
    return new WorkflowResponse(deleteCampaignsStep(input.ids))
  }
)
