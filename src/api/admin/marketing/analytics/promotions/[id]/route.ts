import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { promotionReport } from "../../promotion-report"
import { AdminGetPromotionReportParamsType } from "../../report-validators"

/** One promotion's report over a range of store days (see promotionReport). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPromotionReportParamsType>, res: MedusaResponse) => {
  res.json(await promotionReport(req.scope, req.params.id, req.validatedQuery as AdminGetPromotionReportParamsType))
}
