import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { stringify } from "csv-stringify"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { readTopTable, withNames } from "../../top-tables"
import { AdminExportAnalyticsTopParamsType } from "../../validators"

/**
 * A whole top table as CSV, sorted as asked: each column's figure in the range and in the period
 * before (`<column>_previous`). Money in minor units; rates empty without a denominator.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportAnalyticsTopParamsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as AdminExportAnalyticsTopParamsType
  const { rows, columns, currency_code } = await readTopTable(req.scope, query)
  const named = await withNames(req.scope, query.table, rows)
  const lines = named.map((row) => [
    row.id,
    row.name ?? "",
    currency_code,
    ...columns.flatMap((column) => [row.current[column] ?? "", row.previous[column] ?? ""]),
  ])
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="marketing-top-${query.table}-${query.from}-${query.to}.csv"`)
  await pipeline(
    Readable.from(lines),
    stringify({ header: true, columns: ["id", "name", "currency_code", ...columns.flatMap((column) => [column, `${column}_previous`])] }),
    res
  )
}
