import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stablePagination } from "../../../utils/query"
import { auditResourceNames } from "./resource-names"

/** The entries, each with its resource's name and whether it was deleted since (`resource`). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "audit_entry",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: stablePagination(req),
  })
  const resourceOf = await auditResourceNames(req.scope, data)
  res.json({
    audit_entries: data.map((entry) => ({ ...entry, resource: resourceOf(entry) })),
    count: metadata!.count,
    offset: metadata!.skip,
    limit: metadata!.take,
  })
}
