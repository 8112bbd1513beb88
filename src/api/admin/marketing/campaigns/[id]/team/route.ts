import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { upsertCampaignMembersWorkflow } from "../../../../../../workflows/campaign/workflows/upsert-campaign-members"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchCampaign } from "../../helpers"
import { AdminUpsertCampaignMemberType } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpsertCampaignMemberType>,
  res: MedusaResponse
) => {
  await upsertCampaignMembersWorkflow(req.scope).run({
    input: { members: [{ ...req.validatedBody, campaign_id: req.params.id }], actor: auditActor(req) },
  })
  res.json({ campaign: await refetchCampaign(req, req.params.id) })
}
