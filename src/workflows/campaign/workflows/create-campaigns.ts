import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignDTO, CampaignMemberRole, CreateCampaignDTO } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { compileCampaignContentStep } from "../steps/compile-campaign-content"
import { createCampaignsStep } from "../steps/create-campaigns"
import { upsertCampaignMembersStep } from "../steps/upsert-campaign-members"
import { validateCampaignSegmentsStep } from "../steps/validate-campaign-segment"

export const createCampaignsWorkflowId = "create-marketing-campaigns"

export type CreateCampaignsWorkflowInput = { campaigns: CreateCampaignDTO[]; actor?: AuditActor }

/** Creates draft campaigns (an email of blocks with its body compiled); the admin user who creates one becomes its owner. */
export const createCampaignsWorkflow = createWorkflow(
  createCampaignsWorkflowId,
  (input: CreateCampaignsWorkflowInput) => {
    validateCampaignSegmentsStep(input.campaigns)
    const compiled = compileCampaignContentStep(input.campaigns)
    const campaigns = createCampaignsStep(
      transform({ input, compiled }, ({ input, compiled }) =>
        input.campaigns.map((campaign, index) => ({ ...campaign, ...compiled[index] }))
      )
    )
    const owners = transform({ campaigns }, ({ campaigns }) =>
      (campaigns as CampaignDTO[])
        .filter((c) => c.created_by)
        .map((c) => ({ campaign_id: c.id, user_id: c.created_by!, role: CampaignMemberRole.OWNER }))
    )
    when({ owners }, ({ owners }) => owners.length > 0).then(() => {
      upsertCampaignMembersStep(owners)
    })
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ campaigns }, ({ campaigns }) =>
        (campaigns as CampaignDTO[]).map((campaign) => ({
          action: "create",
          resource_type: "marketing_campaign",
          resource_id: campaign.id,
          before: null,
          after: campaign,
        }))
      ),
    })
    return new WorkflowResponse(campaigns)
  }
)
