import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { UpdateCampaignDTO } from "../../../types/campaign/module"
import { LIFECYCLE_FIELDS } from "../lifecycle-fields"
import { updateCampaignsStep } from "../steps/update-campaigns"
import { validateCampaignUpdateStep } from "../steps/validate-campaign-update"

export const updateCampaignWorkflowId = "update-marketing-campaign"

export const updateCampaignWorkflow = createWorkflow(
  updateCampaignWorkflowId,
  (input: UpdateCampaignDTO) => {
    const { data: campaigns } = useQueryGraphStep({
      entity: "marketing_campaign",
      fields: LIFECYCLE_FIELDS,
      filters: { id: input.id },
      options: { throwIfKeyNotFound: true },
    })
    const campaign = transform({ campaigns }, ({ campaigns }) => campaigns[0])
    validateCampaignUpdateStep({ campaign, update: input })
    const updated = updateCampaignsStep(transform({ input }, ({ input }) => [input]))
    return new WorkflowResponse(transform({ updated }, ({ updated }) => updated[0]))
  }
)
