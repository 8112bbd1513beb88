import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generatePromotionCodesWorkflow } from "../../../../../../workflows/promotion/workflows/generate-promotion-codes"
import { auditActor } from "../../../../../utils/audit-actor"
import { childListRoute } from "../../../../../utils/query"
import { AdminGeneratePromotionCodesType } from "./validators"

export const GET = childListRoute("marketing_promotion", "promotion_id", "promotion_code", "promotion_codes")

/** Generates a batch inline: a million codes are about twenty statements (see bench:codes). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminGeneratePromotionCodesType>, res: MedusaResponse) => {
  const { result } = await generatePromotionCodesWorkflow(req.scope).run({
    input: { ...req.validatedBody, promotion_id: req.params.id, actor: auditActor(req) },
  })
  res.json(result)
}
