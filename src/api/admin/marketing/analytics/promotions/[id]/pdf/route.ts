import { pipeline } from "node:stream/promises"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pdfReportDocument } from "../../../../../../../lib/pdf-report"
import { promotionPdfReport } from "../../../pdf-reports"
import { promotionReport } from "../../../promotion-report"
import { AdminGetPromotionReportParamsType } from "../../../report-validators"

/** One promotion's report as a PDF, made on the server. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPromotionReportParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetPromotionReportParamsType
  const report = await promotionReport(req.scope, req.params.id, query)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="promotion-${report.promotion.id}-${query.from}-${query.to}.pdf"`)
  await pipeline(pdfReportDocument(promotionPdfReport(report)), res)
}
