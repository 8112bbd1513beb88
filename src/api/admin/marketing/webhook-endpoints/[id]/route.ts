import { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteWebhookEndpointWorkflow, updateWebhookEndpointWorkflow } from "../../../../../workflows/webhook/workflows/webhook-endpoints"
import { auditActor } from "../../../../utils/audit-actor"
import { retrieveOne } from "../../../../utils/query"
import { AdminUpdateWebhookEndpointType } from "../validators"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ webhook_endpoint: await retrieveOne(req, "webhook_endpoint", req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateWebhookEndpointType>, res: MedusaResponse) => {
  const { result } = await updateWebhookEndpointWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody, actor: auditActor(req) },
  })
  res.json({ webhook_endpoint: result })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteWebhookEndpointWorkflow(req.scope).run({ input: { id: req.params.id, actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "webhook_endpoint", deleted: true })
}
