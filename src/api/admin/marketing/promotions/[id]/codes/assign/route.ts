import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assignPromotionCodesWorkflow } from "../../../../../../../workflows/promotion/workflows/assign-promotion-codes"
import { auditActor } from "../../../../../../utils/audit-actor"
import { AdminAssignPromotionCodesType } from "../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminAssignPromotionCodesType>, res: MedusaResponse) => {
  const { contact_ids, segment_id, channel } = req.validatedBody
  const { result } = await assignPromotionCodesWorkflow(req.scope).run({
    input: {
      promotion_id: req.params.id,
      recipients: contact_ids ? { contact_ids } : { segment_id: segment_id!, channel },
      actor: auditActor(req),
    },
  })
  res.json(result)
}
