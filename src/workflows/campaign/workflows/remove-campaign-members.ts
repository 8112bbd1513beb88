import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { removeCampaignMembersStep } from "../steps/remove-campaign-members"

export const removeCampaignMembersWorkflowId = "remove-marketing-campaign-members"

export const removeCampaignMembersWorkflow = createWorkflow(
  removeCampaignMembersWorkflowId,
  (input: { campaign_id: string; user_ids: string[]; actor?: AuditActor }) => {
    useQueryGraphStep({
      entity: "marketing_campaign",
      fields: ["id"],
      filters: { id: input.campaign_id },
      options: { throwIfKeyNotFound: true },
    })
    const removed = removeCampaignMembersStep(
      transform({ input }, ({ input }) => ({ campaign_id: input.campaign_id, user_ids: input.user_ids }))
    )
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ removed }, ({ removed }) =>
        removed.map((member) => ({
          action: "team.remove",
          resource_type: "marketing_campaign",
          resource_id: member.campaign_id,
          before: { user_id: member.user_id, role: member.role },
          after: null,
        }))
      ),
    })
    return new WorkflowResponse(removed)
  }
)
