import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeCampaignMembersStep } from "../steps/remove-campaign-members"

export const removeCampaignMembersWorkflowId = "remove-marketing-campaign-members"

export const removeCampaignMembersWorkflow = createWorkflow(
  removeCampaignMembersWorkflowId,
  (input: { campaign_id: string; user_ids: string[] }) => {
    useQueryGraphStep({
      entity: "marketing_campaign",
      fields: ["id"],
      filters: { id: input.campaign_id },
      options: { throwIfKeyNotFound: true },
    })
    return new WorkflowResponse(removeCampaignMembersStep(input))
  }
)
