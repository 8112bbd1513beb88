import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { stringify } from "csv-stringify"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CampaignReport, campaignReport } from "../report"
import { AdminExportCampaignReportParamsType, CAMPAIGN_REPORT_TABLES } from "../validators"

type Table = (typeof CAMPAIGN_REPORT_TABLES)[number]

/** Each table's columns, in order; money in minor units of the report's currency. */
const COLUMNS: Record<Table, string[]> = {
  hours: ["hour", "opened", "clicked"],
  links: ["position", "url", "clicks", "clicked"],
  providers: ["provider", "sent", "delivered", "bounced", "opened"],
  orders: ["order_id", "display_id", "placed_at", "currency_code", "revenue", "discount_amount", "refunded", "net_revenue", "canceled_at", "through"],
}

const rowsOf = (report: CampaignReport, table: Table): object[] => (table === "orders" ? report.orders.items : report[table])

/** One table of a campaign's report as CSV (hours after sending, links, mailbox providers or orders). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportCampaignReportParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminExportCampaignReportParamsType
  const report = await campaignReport(req.scope, req.params.id, query)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="campaign-${report.campaign.id}-${query.table}.csv"`)
  await pipeline(Readable.from(rowsOf(report, query.table)), stringify({ header: true, columns: COLUMNS[query.table] }), res)
}
