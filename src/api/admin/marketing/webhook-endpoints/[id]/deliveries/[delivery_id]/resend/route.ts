import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendWebhookDeliveryWorkflow } from "../../../../../../../../workflows/webhook/workflows/resend-webhook-delivery"
import { auditActor } from "../../../../../../../utils/audit-actor"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await resendWebhookDeliveryWorkflow(req.scope).run({
    input: { endpoint_id: req.params.id, delivery_id: req.params.delivery_id, actor: auditActor(req) },
  })
  res.json({ webhook_delivery: result })
}
