import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSegmentsWorkflow } from "../../../../../workflows/segment/workflows/delete-segments"
import { updateSegmentWorkflow } from "../../../../../workflows/segment/workflows/update-segment"
import { auditActor } from "../../../../utils/audit-actor"
import { refetchSegment } from "../helpers"
import { AdminUpdateSegmentType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ segment: await refetchSegment(req, req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>, res: MedusaResponse) => {
  const { sync_customer_group, ...segment } = req.validatedBody
  await updateSegmentWorkflow(req.scope).run({
    input: { segment: { ...segment, id: req.params.id }, sync_customer_group, actor: auditActor(req) },
  })
  res.json({ segment: await refetchSegment(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteSegmentsWorkflow(req.scope).run({ input: { ids: [req.params.id], actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "segment", deleted: true })
}
