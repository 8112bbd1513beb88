import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { UpsertCampaignMemberDTO } from "../../../types/campaign/module"
import { upsertCampaignMembersStep } from "../steps/upsert-campaign-members"
import { validateAdminUsersStep } from "../steps/validate-admin-users"

export const upsertCampaignMembersWorkflowId = "upsert-marketing-campaign-members"

/** Puts admin users on campaign teams with a role, or changes the role they have. */
export const upsertCampaignMembersWorkflow = createWorkflow(
  upsertCampaignMembersWorkflowId,
  (input: { members: UpsertCampaignMemberDTO[] }) => {
    const ids = transform({ input }, ({ input }) => ({
      campaigns: [...new Set(input.members.map((m) => m.campaign_id))],
      users: [...new Set(input.members.map((m) => m.user_id))],
    }))
    useQueryGraphStep({
      entity: "marketing_campaign",
      fields: ["id"],
      filters: { id: ids.campaigns },
      options: { throwIfKeyNotFound: true },
    })
    validateAdminUsersStep(ids.users)
    return new WorkflowResponse(upsertCampaignMembersStep(input.members))
  }
)
