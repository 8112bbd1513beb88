import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { duplicateCampaignWorkflow } from "../../../../../../workflows/campaign/workflows/duplicate-campaign"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchCampaign } from "../../helpers"

/** Creates a draft copy of the campaign, owned by whoever copies it. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const actor = auditActor(req)
  const { result } = await duplicateCampaignWorkflow(req.scope).run({
    input: { id: req.params.id, created_by: actor.actor_type === "user" ? actor.actor_id : null, actor },
  })
  res.json({ campaign: await refetchCampaign(req, result.id) })
}
