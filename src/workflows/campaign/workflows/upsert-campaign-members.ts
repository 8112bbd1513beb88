import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignMemberDTO, UpsertCampaignMemberDTO } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { upsertCampaignMembersStep } from "../steps/upsert-campaign-members"
import { validateAdminUsersStep } from "../steps/validate-admin-users"

export const upsertCampaignMembersWorkflowId = "upsert-marketing-campaign-members"

/** Puts admin users on campaign teams with a role, or changes the role they have. */
export const upsertCampaignMembersWorkflow = createWorkflow(
  upsertCampaignMembersWorkflowId,
  (input: { members: UpsertCampaignMemberDTO[]; actor?: AuditActor }) => {
    const ids = transform({ input }, ({ input }) => ({
      campaigns: [...new Set(input.members.map((m) => m.campaign_id))],
      users: [...new Set(input.members.map((m) => m.user_id))],
    }))
    useQueryGraphStep({
      entity: "marketing_campaign",
      fields: ["id"],
      filters: { id: ids.campaigns },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "retrieve-campaigns" })
    validateAdminUsersStep(ids.users)
    const { data: existing } = useQueryGraphStep({
      entity: "campaign_member",
      fields: ["campaign_id", "user_id", "role"],
      filters: { campaign_id: ids.campaigns, user_id: ids.users },
    }).config({ name: "retrieve-existing-members" })
    const members = upsertCampaignMembersStep(input.members)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, existing }, ({ input, existing }) =>
        input.members.map((member) => {
          const previous = (existing as CampaignMemberDTO[]).find(
            (m) => m.campaign_id === member.campaign_id && m.user_id === member.user_id
          )
          return {
            action: "team.upsert",
            resource_type: "marketing_campaign",
            resource_id: member.campaign_id,
            before: previous ? { user_id: previous.user_id, role: previous.role } : null,
            after: { user_id: member.user_id, role: member.role },
          }
        })
      ),
    })
    return new WorkflowResponse(members)
  }
)
