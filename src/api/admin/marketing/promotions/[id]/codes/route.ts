import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { generatePromotionCodesWorkflow } from "../../../../../../workflows/promotion/workflows/generate-promotion-codes"
import { auditActor } from "../../../../../utils/audit-actor"
import { listRoute } from "../../../../../utils/query"
import { AdminGeneratePromotionCodesType } from "./validators"

const listCodes = listRoute("promotion_code", "promotion_codes")

export const GET = (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  req.filterableFields = { ...req.filterableFields, promotion_id: req.params.id }
  return listCodes(req, res)
}

/** Generates a batch inline: a million codes are about twenty statements (see bench:codes). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminGeneratePromotionCodesType>, res: MedusaResponse) => {
  const { result } = await generatePromotionCodesWorkflow(req.scope).run({
    input: { ...req.validatedBody, promotion_id: req.params.id, actor: auditActor(req) },
  })
  res.json(result)
}
