import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSegmentWorkflow } from "../../../../workflows/segment/workflows/create-segment"
import { auditActor } from "../../../utils/audit-actor"
import { refetchSegment } from "./helpers"
import { AdminCreateSegmentType } from "./validators"
import { listRoute } from "../../../utils/query"

export const GET = listRoute("segment", "segments")

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSegmentType>, res: MedusaResponse) => {
  const { sync_customer_group, ...segment } = req.validatedBody
  const { result } = await createSegmentWorkflow(req.scope).run({
    input: { segment, sync_customer_group, actor: auditActor(req) },
  })
  res.json({ segment: await refetchSegment(req, result.id) })
}
