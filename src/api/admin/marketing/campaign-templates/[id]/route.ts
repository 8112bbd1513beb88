import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import {
  deleteCampaignTemplatesWorkflow,
  updateCampaignTemplateWorkflow,
} from "../../../../../workflows/campaign/workflows/campaign-templates"
import { auditActor } from "../../../../utils/audit-actor"
import { refetchCampaignTemplate } from "../helpers"
import { AdminUpdateCampaignTemplateType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ campaign_template: await refetchCampaignTemplate(req, req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateCampaignTemplateType>, res: MedusaResponse) => {
  await updateCampaignTemplateWorkflow(req.scope).run({
    input: { template: { ...req.validatedBody, id: req.params.id }, actor: auditActor(req) },
  })
  res.json({ campaign_template: await refetchCampaignTemplate(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteCampaignTemplatesWorkflow(req.scope).run({ input: { ids: [req.params.id], actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "campaign_template", deleted: true })
}
