import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import PromotionModuleService from "../../../../../../../modules/promotion/service"
import { MarketingModule } from "../../../../../../../types/modules"
import { retrieveOne } from "../../../../../../utils/query"
import { AdminExportPromotionCodesParamsType } from "../validators"
import { writePromotionCodesCsv } from "./csv"

/** Streams the promotion's codes, or one batch's, as CSV in id order, page by page so that memory stays flat. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportPromotionCodesParamsType>,
  res: MedusaResponse
) => {
  const promotion = await retrieveOne(req, "marketing_promotion", req.params.id)
  const { batch_id } = req.validatedQuery as AdminExportPromotionCodesParamsType
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader(
    "Content-Disposition",
    `attachment; filename="promotion-codes-${promotion.id}${batch_id ? `-${batch_id}` : ""}.csv"`
  )
  const service: PromotionModuleService = req.scope.resolve(MarketingModule.PROMOTION)
  await writePromotionCodesCsv(service, { promotion_id: promotion.id, batch_id }, res)
}
