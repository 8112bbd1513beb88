import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listAuditEntriesQueryConfig } from "./query-config"
import { AdminAuditEntryListResponse } from "./responses"
import { AdminExportAuditEntriesParams, AdminGetAuditEntriesParams } from "./validators"

const BASE = "/admin/marketing/audit-entries"

export const adminAuditEntryMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List audit entries, each with its resource's name and whether it was deleted since",
    query: AdminGetAuditEntriesParams,
    queryConfig: listAuditEntriesQueryConfig,
    response: AdminAuditEntryListResponse,
    policies: [{ resource: MarketingResource.AUDIT, operation: "read" }],
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/export`,
    summary: "Every matching audit entry as CSV, oldest first",
    query: AdminExportAuditEntriesParams,
    queryConfig: listAuditEntriesQueryConfig,
    response: { description: "A CSV file", contentType: "text/csv" },
    policies: [{ resource: MarketingResource.AUDIT, operation: "export" }],
  }),
]
