import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { retrieveCampaignsBeforeChange } from "./retrieve-campaigns-before-change"
import { deleteCampaignsStep } from "../steps/delete-campaigns"
import { validateCampaignsDeletableStep } from "../steps/validate-campaigns-deletable"

export const deleteCampaignsWorkflowId = "delete-marketing-campaigns"

export const deleteCampaignsWorkflow = createWorkflow(
  deleteCampaignsWorkflowId,
  (input: { ids: string[]; actor?: AuditActor }) => {
    const campaigns = retrieveCampaignsBeforeChange(input.ids)
    validateCampaignsDeletableStep(campaigns)
    const deleted = deleteCampaignsStep(input.ids)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ campaigns }, ({ campaigns }) =>
        campaigns.map((campaign) => ({
          action: "delete",
          resource_type: "marketing_campaign",
          resource_id: campaign.id,
          before: campaign,
          after: null,
        }))
      ),
    })
    return new WorkflowResponse(deleted)
  }
)
