import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { stringify } from "csv-stringify"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AttributionModel } from "../../../../../types/analytics"
import { CREDITING_MODELS, seriesOf } from "../../../../../modules/analytics/lib/report"
import { AMOUNTS, COUNTERS, Metric } from "../../../../../modules/analytics/lib/rollup"
import { readReportRows, reportSettings } from "../helpers"
import { AdminExportAnalyticsParamsType } from "../validators"

const MESSAGE_METRICS = COUNTERS.filter((metric) => metric !== "orders")
const ORDER_METRICS: Metric[] = ["orders", "revenue", "refunded"]

/**
 * Every metric per day, ISO week or month of a range, as CSV: message and ledger metrics, then orders
 * revenue and refunds under each attribution model. Money in minor units; empty where not kept (a channel's ledger).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportAnalyticsParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminExportAnalyticsParamsType
  const { currency_code } = reportSettings(req.scope, query)
  const rows = await readReportRows(req.scope, query, { first: query.from, last: query.to }, currency_code, query.granularity)
  const columns: { header: string; metric: Metric; model: (typeof CREDITING_MODELS)[number] }[] = [
    ...[...MESSAGE_METRICS, ...AMOUNTS.filter((metric) => !ORDER_METRICS.includes(metric))].map((metric) => ({
      header: metric,
      metric,
      model: AttributionModel.LAST_CLICK,
    })),
    ...CREDITING_MODELS.flatMap((model) => ORDER_METRICS.map((metric) => ({ header: `${metric}_${model}`, metric, model }))),
  ]
  const series = columns.map(({ metric, model }) => seriesOf(rows, metric, model, query.granularity, query.from, query.to))
  const lines = series[0].map(({ bucket }, index) => [bucket, currency_code, ...series.map((points) => points[index].value ?? "")])
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="marketing-analytics-${query.from}-${query.to}.csv"`)
  await pipeline(
    Readable.from(lines),
    stringify({ header: true, columns: [query.granularity, "currency_code", ...columns.map(({ header }) => header)] }),
    res
  )
}
