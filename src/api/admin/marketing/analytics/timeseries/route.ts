import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { seriesOf } from "../../../../../modules/analytics/lib/report"
import { readReportRows, reportSettings } from "../helpers"
import { AdminGetAnalyticsTimeseriesParamsType } from "../validators"

/** One metric per day, ISO week or month of a range of store days; every bucket is present. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAnalyticsTimeseriesParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetAnalyticsTimeseriesParamsType
  const { timezone, currency_code } = reportSettings(req.scope, query)
  const rows = await readReportRows(req.scope, query, { first: query.from, last: query.to }, currency_code, query.granularity)
  res.json({
    timezone,
    currency_code,
    metric: query.metric,
    granularity: query.granularity,
    attribution_model: query.attribution_model,
    points: seriesOf(rows, query.metric, query.attribution_model, query.granularity, query.from, query.to),
  })
}
