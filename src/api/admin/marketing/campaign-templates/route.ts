import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createCampaignTemplateWorkflow } from "../../../../workflows/campaign/workflows/campaign-templates"
import { auditActor } from "../../../utils/audit-actor"
import { listRoute } from "../../../utils/query"
import { refetchCampaignTemplate } from "./helpers"
import { AdminCreateCampaignTemplateType } from "./validators"

export const GET = listRoute("campaign_template", "campaign_templates")

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCampaignTemplateType>, res: MedusaResponse) => {
  const actor = auditActor(req)
  const { result } = await createCampaignTemplateWorkflow(req.scope).run({
    input: { template: { ...req.validatedBody, created_by: actor.actor_type === "user" ? actor.actor_id : null }, actor },
  })
  res.json({ campaign_template: await refetchCampaignTemplate(req, result.id) })
}
