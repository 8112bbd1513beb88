import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { stringify } from "csv-stringify"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { promotionReport } from "../../../promotion-report"
import { AdminExportPromotionReportParamsType } from "../../../report-validators"

/**
 * A promotion report's table as CSV, the range applied: per bucket (orders, revenue, codes, discount),
 * or per campaign and journey that brought its orders. Money in minor units.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportPromotionReportParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminExportPromotionReportParamsType
  const report = await promotionReport(req.scope, req.params.id, query)
  const table =
    query.table === "buckets"
      ? {
          columns: [query.granularity, "currency_code", "orders", "revenue", "codes_redeemed", "discount_amount"],
          lines: report.series.map((p) => [p.bucket, report.currency_code, p.orders, p.revenue, p.codes_redeemed, p.discount_amount]),
        }
      : {
          columns: ["campaign_id", "campaign", "journey_id", "journey", "currency_code", "orders", "revenue", "discount_amount"],
          lines: report.drivers.map((d) => [
            d.campaign_id ?? "", d.campaign?.name ?? "", d.journey_id ?? "", d.journey?.name ?? "",
            report.currency_code, d.orders, d.revenue, d.discount_amount,
          ]),
        }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="promotion-${report.promotion.id}-${query.table}-${query.from}-${query.to}.csv"`)
  await pipeline(Readable.from(table.lines), stringify({ header: true, columns: table.columns }), res)
}
