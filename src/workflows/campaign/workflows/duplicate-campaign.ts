import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignDTO } from "../../../types/campaign/module"
import { duplicatedChange } from "../../../lib/audit/duplicated-change"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { prepareCampaignCopyStep } from "../steps/prepare-campaign-copy"
import { createCampaignsWorkflow } from "./create-campaigns"

export const duplicateCampaignWorkflowId = "duplicate-marketing-campaign"

export type DuplicateCampaignWorkflowInput = { id: string; created_by: string | null; actor?: AuditActor }

/** Creates a draft copy of a campaign, as creating one does (its creator owns it); the original records the copy. */
export const duplicateCampaignWorkflow = createWorkflow(
  duplicateCampaignWorkflowId,
  (input: DuplicateCampaignWorkflowInput) => {
    const copy = prepareCampaignCopyStep(input)
    const created = createCampaignsWorkflow.runAsStep({
      input: transform({ copy, input }, ({ copy, input }) => ({ campaigns: [copy], actor: input.actor })),
    })
    const campaign = transform({ created }, ({ created }) => created[0] as CampaignDTO)
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ campaign, input }, ({ campaign, input }) => [
        duplicatedChange("marketing_campaign", input.id, campaign.id),
      ]),
    })
    return new WorkflowResponse(campaign)
  }
)
