import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eraseContactWorkflow } from "../../../../../../workflows/audience/workflows/erase-contact"
import { auditActor } from "../../../../../utils/audit-actor"

/** GDPR erasure request. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await eraseContactWorkflow(req.scope).run({ input: { contact_id: req.params.id, actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "contact", erased: true })
}
