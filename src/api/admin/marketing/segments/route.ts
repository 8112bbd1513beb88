import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSegmentWorkflow } from "../../../../workflows/segment/workflows/create-segment"
import { auditActor } from "../../../utils/audit-actor"
import { refetchSegment } from "./helpers"
import { AdminCreateSegmentType, AdminGetSegmentsParamsType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSegmentsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: segments, metadata } = await query.graph({
    entity: "segment",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ segments, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSegmentType>, res: MedusaResponse) => {
  const { result } = await createSegmentWorkflow(req.scope).run({
    input: { segment: req.validatedBody, actor: auditActor(req) },
  })
  res.json({ segment: await refetchSegment(req, result.id) })
}
