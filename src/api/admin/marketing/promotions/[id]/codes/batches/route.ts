import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import PromotionModuleService from "../../../../../../../modules/promotion/service"
import { MarketingModule } from "../../../../../../../types/modules"

/** The promotion's code batches with their counts, for naming them and voiding one whole. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service: PromotionModuleService = req.scope.resolve(MarketingModule.PROMOTION)
  res.json({ batches: await service.codeBatches(req.params.id) })
}
