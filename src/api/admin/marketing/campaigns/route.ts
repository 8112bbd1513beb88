import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCampaignsWorkflow } from "../../../../workflows/campaign/workflows/create-campaigns"
import { auditActor } from "../../../utils/audit-actor"
import { refetchCampaign } from "./helpers"
import { AdminCreateCampaignType, AdminGetCampaignsParamsType } from "./validators"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: campaigns, metadata } = await query.graph({
    entity: "marketing_campaign",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ campaigns, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

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
