import { pipeline } from "node:stream/promises"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pdfReportDocument } from "../../../../../lib/pdf-report"
import { dashboardPdfReport } from "../pdf-reports"
import { AdminGetAnalyticsSummaryParamsType } from "../validators"

/** The dashboard of a range (and filter) as a PDF, made on the server. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAnalyticsSummaryParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetAnalyticsSummaryParamsType
  const report = await dashboardPdfReport(req.scope, query)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="marketing-dashboard-${query.from}-${query.to}.pdf"`)
  await pipeline(pdfReportDocument(report), res)
}
