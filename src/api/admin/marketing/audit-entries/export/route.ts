import { pipeline } from "node:stream/promises"
import { Readable } from "node:stream"
import { stringify } from "csv-stringify"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { auditEntryFields } from "../query-config"
import { AdminExportAuditEntriesParamsType } from "../validators"

const PAGE = 1000

/** Streams every matching entry as CSV, oldest first, a page at a time so memory stays flat. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportAuditEntriesParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  async function* rows() {
    for (let skip = 0; ; skip += PAGE) {
      const { data } = await query.graph({
        entity: "audit_entry",
        fields: auditEntryFields,
        filters: req.filterableFields,
        pagination: { skip, take: PAGE, order: { created_at: "ASC", id: "ASC" } },
      })
      for (const entry of data) {
        yield {
          ...entry,
          created_at: new Date(entry.created_at as unknown as string).toISOString(),
          changes: entry.changes ? JSON.stringify(entry.changes) : "",
        }
      }
      if (data.length < PAGE) return
    }
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="marketing-audit-${new Date().toISOString().slice(0, 10)}.csv"`)
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: auditEntryFields }), res)
}
