import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeCampaignMembersWorkflow } from "../../../../../../../workflows/campaign/workflows/remove-campaign-members"
import { auditActor } from "../../../../../../utils/audit-actor"
import { refetchCampaign } from "../../../helpers"

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await removeCampaignMembersWorkflow(req.scope).run({
    input: { campaign_id: req.params.id, user_ids: [req.params.user_id], actor: auditActor(req) },
  })
  res.json({ campaign: await refetchCampaign(req, req.params.id) })
}
