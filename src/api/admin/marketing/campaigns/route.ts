import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCampaignsWorkflow } from "../../../../workflows/campaign/workflows/create-campaigns"
import { auditActor } from "../../../utils/audit-actor"
import { refetchCampaign } from "./helpers"
import { AdminCreateCampaignType } from "./validators"
import { listRoute } from "../../../utils/query"

export const GET = listRoute("marketing_campaign", "campaigns")

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateCampaignType>,
  res: MedusaResponse
) => {
  const actor = auditActor(req)
  const { result: [created] } = await createCampaignsWorkflow(req.scope).run({
    input: {
      campaigns: [{ ...req.validatedBody, created_by: actor.actor_type === "user" ? actor.actor_id : null }],
      actor,
    },
  })
  res.json({ campaign: await refetchCampaign(req, created.id) })
}
