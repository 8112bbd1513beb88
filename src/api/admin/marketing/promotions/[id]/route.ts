import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deletePromotionsWorkflow } from "../../../../../workflows/promotion/workflows/delete-promotions"
import { updatePromotionWorkflow } from "../../../../../workflows/promotion/workflows/update-promotion"
import { auditActor } from "../../../../utils/audit-actor"
import { retrieveOne } from "../../../../utils/query"
import { presentPromotion } from "../present-promotion"
import { AdminUpdatePromotionType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ promotion: presentPromotion(await retrieveOne(req, "marketing_promotion", req.params.id)) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdatePromotionType>, res: MedusaResponse) => {
  await updatePromotionWorkflow(req.scope).run({
    input: { promotion: { ...req.validatedBody, id: req.params.id }, actor: auditActor(req) },
  })
  res.json({ promotion: presentPromotion(await retrieveOne(req, "marketing_promotion", req.params.id)) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deletePromotionsWorkflow(req.scope).run({ input: { ids: [req.params.id], actor: auditActor(req) } })
  res.json({ id: req.params.id, object: "marketing_promotion", deleted: true })
}
