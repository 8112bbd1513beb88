import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transitionCampaignWorkflow } from "../../../../../../workflows/campaign/workflows/transition-campaign"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchCampaign } from "../../helpers"
import { AdminTransitionCampaignType } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminTransitionCampaignType>,
  res: MedusaResponse
) => {
  await transitionCampaignWorkflow(req.scope).run({
    input: { id: req.params.id, status: req.validatedBody.status, actor: auditActor(req) },
  })
  res.json({ campaign: await refetchCampaign(req, req.params.id) })
}
