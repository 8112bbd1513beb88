import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteCampaignsWorkflow } from "../../../../../workflows/campaign/workflows/delete-campaigns"
import { updateCampaignWorkflow } from "../../../../../workflows/campaign/workflows/update-campaign"
import { auditActor } from "../../../../utils/audit-actor"
import { refetchCampaign } from "../helpers"
import { AdminUpdateCampaignType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ campaign: await refetchCampaign(req, req.params.id) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateCampaignType>,
  res: MedusaResponse
) => {
  await updateCampaignWorkflow(req.scope).run({
    input: { campaign: { ...req.validatedBody, id: req.params.id }, actor: auditActor(req) },
  })
  res.json({ campaign: await refetchCampaign(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteCampaignsWorkflow(req.scope).run({ input: { ids: [req.params.id], actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "marketing_campaign", deleted: true })
}
