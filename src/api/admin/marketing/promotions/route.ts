import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createPromotionWorkflow } from "../../../../workflows/promotion/workflows/create-promotion"
import { auditActor } from "../../../utils/audit-actor"
import { listRoute, retrieveOne } from "../../../utils/query"
import { presentPromotion } from "./present-promotion"
import { AdminCreatePromotionType } from "./validators"

export const GET = listRoute("marketing_promotion", "promotions", presentPromotion)

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreatePromotionType>, res: MedusaResponse) => {
  const { result } = await createPromotionWorkflow(req.scope).run({
    input: { promotion: req.validatedBody, actor: auditActor(req) },
  })
  res.json({ promotion: presentPromotion(await retrieveOne(req, "marketing_promotion", result.id)) })
}
