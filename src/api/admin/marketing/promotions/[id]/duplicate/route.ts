import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { duplicatePromotionWorkflow } from "../../../../../../workflows/promotion/workflows/duplicate-promotion"
import { auditActor } from "../../../../../utils/audit-actor"
import { retrieveOne } from "../../../../../utils/query"
import { presentPromotion } from "../../present-promotion"

/** Creates a draft copy of the promotion's terms, without its codes or redemptions. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await duplicatePromotionWorkflow(req.scope).run({ input: { id: req.params.id, actor: auditActor(req) } })
  res.json({ promotion: presentPromotion(await retrieveOne(req, "marketing_promotion", result.id)) })
}
