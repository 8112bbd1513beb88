import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { kpisOf, previousDays } from "../../../../../modules/analytics/lib/report"
import { readReportRows, reportSettings } from "../helpers"
import { AdminGetAnalyticsSummaryParamsType } from "../validators"

/** The KPIs of a range of store days and of the range just before it, to compare with. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAnalyticsSummaryParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetAnalyticsSummaryParamsType
  const { timezone, currency_code } = reportSettings(req.scope, query)
  const days = { first: query.from, last: query.to }
  const previous = previousDays(query.from, query.to)
  const [current, before] = await Promise.all([
    readReportRows(req.scope, query, days, currency_code, "range"),
    readReportRows(req.scope, query, previous, currency_code, "range"),
  ])
  res.json({
    timezone,
    currency_code,
    period: { from: days.first, to: days.last },
    previous_period: { from: previous.first, to: previous.last },
    current: kpisOf(current),
    previous: kpisOf(before),
  })
}
