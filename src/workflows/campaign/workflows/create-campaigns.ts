import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { CampaignDTO, CampaignMemberRole, CreateCampaignDTO } from "../../../types/campaign/module"
import { createCampaignsStep } from "../steps/create-campaigns"
import { upsertCampaignMembersStep } from "../steps/upsert-campaign-members"

export const createCampaignsWorkflowId = "create-marketing-campaigns"

/** Creates draft campaigns; the admin user who creates one becomes its owner. */
export const createCampaignsWorkflow = createWorkflow(
  createCampaignsWorkflowId,
  (input: { campaigns: CreateCampaignDTO[] }) => {
    const campaigns = createCampaignsStep(input.campaigns)
    const owners = transform({ campaigns }, ({ campaigns }) =>
      (campaigns as CampaignDTO[])
        .filter((c) => c.created_by)
        .map((c) => ({ campaign_id: c.id, user_id: c.created_by!, role: CampaignMemberRole.OWNER }))
    )
    when({ owners }, ({ owners }) => owners.length > 0).then(() => {
      upsertCampaignMembersStep(owners)
    })
    return new WorkflowResponse(campaigns)
  }
)
