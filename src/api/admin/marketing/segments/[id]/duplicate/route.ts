import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { duplicateSegmentWorkflow } from "../../../../../../workflows/segment/workflows/duplicate-segment"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchSegment } from "../../helpers"

/** Creates a copy of the segment under a handle of its own, without its members. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await duplicateSegmentWorkflow(req.scope).run({ input: { id: req.params.id, actor: auditActor(req) } })
  res.json({ segment: await refetchSegment(req, result.id) })
}
