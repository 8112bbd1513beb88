import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { voidPromotionCodesWorkflow } from "../../../../../../../workflows/promotion/workflows/void-promotion-codes"
import { auditActor } from "../../../../../../utils/audit-actor"
import { AdminVoidPromotionCodesType } from "../validators"

export const POST = async (req: AuthenticatedMedusaRequest<AdminVoidPromotionCodesType>, res: MedusaResponse) => {
  const { result } = await voidPromotionCodesWorkflow(req.scope).run({
    input: { ...req.validatedBody, promotion_id: req.params.id, actor: auditActor(req) },
  })
  res.json(result)
}
