import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { snapshotSegmentWorkflow } from "../../../../../../workflows/segment/workflows/snapshot-segment"
import { auditActor } from "../../../../../utils/audit-actor"
import { refetchSegment } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await snapshotSegmentWorkflow(req.scope).run({ input: { id: req.params.id, actor: auditActor(req) } })
  res.json({ segment: await refetchSegment(req, req.params.id) })
}
