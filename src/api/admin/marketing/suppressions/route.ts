import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSuppressionWorkflow } from "../../../../workflows/audience/workflows/suppressions"
import { auditActor } from "../../../utils/audit-actor"
import { AdminCreateSuppressionType } from "./validators"
import { listRoute } from "../../../utils/query"

export const GET = listRoute("suppression", "suppressions")

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSuppressionType>, res: MedusaResponse) => {
  const { result } = await createSuppressionWorkflow(req.scope).run({
    input: { suppression: req.validatedBody, actor: auditActor(req) },
  })
  res.json({ suppression: result })
}
