import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createWebhookEndpointWorkflow } from "../../../../workflows/webhook/workflows/webhook-endpoints"
import { auditActor } from "../../../utils/audit-actor"
import { listRoute } from "../../../utils/query"
import { AdminCreateWebhookEndpointType } from "./validators"

export const GET = listRoute("webhook_endpoint", "webhook_endpoints")

/** The one answer that carries the new endpoint's secret. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateWebhookEndpointType>, res: MedusaResponse) => {
  const { result } = await createWebhookEndpointWorkflow(req.scope).run({
    input: { endpoint: req.validatedBody, actor: auditActor(req) },
  })
  res.json({ webhook_endpoint: result })
}
