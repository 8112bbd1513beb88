import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { campaignReport } from "./report"
import { AdminGetCampaignReportParamsType } from "./validators"

/** A campaign's report: funnel, engagement by hour, links, mailbox providers, money and ROI, orders. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetCampaignReportParamsType>, res: MedusaResponse) => {
  res.json({ report: await campaignReport(req.scope, req.params.id, req.validatedQuery as AdminGetCampaignReportParamsType) })
}
