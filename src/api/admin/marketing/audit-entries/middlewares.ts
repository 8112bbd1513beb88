import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listAuditEntriesQueryConfig } from "./query-config"
import { AdminExportAuditEntriesParams, AdminGetAuditEntriesParams } from "./validators"

const BASE = "/admin/marketing/audit-entries"

export const adminAuditEntryMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetAuditEntriesParams, listAuditEntriesQueryConfig)],
    policies: [{ resource: MarketingResource.AUDIT, operation: "read" }],
  },
  {
    method: ["GET"],
    matcher: `${BASE}/export`,
    middlewares: [validateAndTransformQuery(AdminExportAuditEntriesParams, listAuditEntriesQueryConfig)],
    policies: [{ resource: MarketingResource.AUDIT, operation: "export" }],
  },
]
