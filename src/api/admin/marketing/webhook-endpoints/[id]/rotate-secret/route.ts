import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rotateWebhookSecretWorkflow } from "../../../../../../workflows/webhook/workflows/webhook-endpoints"
import { auditActor } from "../../../../../utils/audit-actor"

/** The one answer that carries the endpoint's new secret. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await rotateWebhookSecretWorkflow(req.scope).run({ input: { id: req.params.id, actor: auditActor(req) } })
  res.json({ webhook_endpoint: result })
}
