import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendTestMessageWorkflow } from "../../../../../../workflows/delivery/workflows/send-test-message"
import { retrieveOne } from "../../../../../utils/query"
import { auditActor } from "../../../../../utils/audit-actor"
import { AdminSendTestMessageType } from "../../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminSendTestMessageType>, res: MedusaResponse) => {
  const { result } = await sendTestMessageWorkflow(req.scope).run({
    input: { campaign_id: req.params.id, to: req.validatedBody.to, actor: auditActor(req) },
  })
  res.json({ message: await retrieveOne(req, "message", result.id) })
}
