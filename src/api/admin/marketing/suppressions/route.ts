import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSuppressionWorkflow } from "../../../../workflows/audience/workflows/suppressions"
import { auditActor } from "../../../utils/audit-actor"
import { AdminCreateSuppressionType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: suppressions, metadata } = await query.graph({
    entity: "suppression",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ suppressions, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSuppressionType>, res: MedusaResponse) => {
  const { result } = await createSuppressionWorkflow(req.scope).run({
    input: { suppression: req.validatedBody, actor: auditActor(req) },
  })
  res.json({ suppression: result })
}
