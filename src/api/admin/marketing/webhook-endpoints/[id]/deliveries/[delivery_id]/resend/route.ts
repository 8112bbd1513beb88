import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resendWebhookDeliveryWorkflow } from "../../../../../../../../workflows/webhook/workflows/resend-webhook-delivery"
import { auditActor } from "../../../../../../../utils/audit-actor"
import { webhookDeliveryFields } from "../../../../query-config"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await resendWebhookDeliveryWorkflow(req.scope).run({
    input: { endpoint_id: req.params.id, delivery_id: req.params.delivery_id, actor: auditActor(req) },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [webhook_delivery] } = await query.graph({ entity: "webhook_delivery", fields: webhookDeliveryFields, filters: { id: result.id } })
  res.json({ webhook_delivery })
}
