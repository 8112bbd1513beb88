import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readTopTable, withNames } from "../top-tables"
import { AdminGetAnalyticsTopParamsType } from "../validators"

/** The campaigns, journeys or promotions with activity in a range, their figures against the period before: sorted, a page at a time. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAnalyticsTopParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminGetAnalyticsTopParamsType
  const { rows, ...table } = await readTopTable(req.scope, query)
  res.json({
    ...table,
    rows: await withNames(req.scope, query.table, rows.slice(query.offset, query.offset + query.limit)),
    count: rows.length,
    offset: query.offset,
    limit: query.limit,
  })
}
