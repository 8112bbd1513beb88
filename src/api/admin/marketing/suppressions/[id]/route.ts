import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSuppressionWorkflow } from "../../../../../workflows/audience/workflows/suppressions"
import { auditActor } from "../../../../utils/audit-actor"

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteSuppressionWorkflow(req.scope).run({ input: { id: req.params.id, actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "suppression", deleted: true })
}
