import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import PromotionModuleService from "../../../../../../../modules/promotion/service"
import { MarketingModule } from "../../../../../../../types/modules"
import { requireRecord } from "../../../../../../utils/query"

/** The promotion's code batches with their counts, for naming them and voiding one whole. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await requireRecord(req, "marketing_promotion", req.params.id)
  const service: PromotionModuleService = req.scope.resolve(MarketingModule.PROMOTION)
  res.json({ batches: await service.codeBatches(req.params.id) })
}
