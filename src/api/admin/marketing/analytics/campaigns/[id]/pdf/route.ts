import { pipeline } from "node:stream/promises"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pdfReportDocument } from "../../../../../../../lib/pdf-report"
import { campaignPdfReport } from "../../../pdf-reports"
import { campaignReport } from "../report"
import { AdminGetCampaignReportParamsType } from "../validators"

/** One campaign's report as a PDF, made on the server. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignReportParamsType>, res: MedusaResponse) => {
  const report = await campaignReport(req.scope, req.params.id, req.validatedQuery as AdminGetCampaignReportParamsType)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="campaign-${report.campaign.id}.pdf"`)
  await pipeline(pdfReportDocument(campaignPdfReport(report)), res)
}
