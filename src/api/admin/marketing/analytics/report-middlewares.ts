import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { AdminExportPromotionReportParams, AdminGetPromotionReportParams } from "./report-validators"
import { AdminGetAnalyticsSummaryParams } from "./validators"

const BASE = "/admin/marketing/analytics"
const read = [{ resource: MarketingResource.ANALYTICS, operation: "read" as const }]
const exporting = [{ resource: MarketingResource.ANALYTICS, operation: "export" as const }]

/** The promotion report, the PDFs, and the order and customer widgets' figures. */
export const adminAnalyticsReportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: `${BASE}/pdf`,
    middlewares: [validateAndTransformQuery(AdminGetAnalyticsSummaryParams, {})],
    policies: exporting,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/promotions/:id`,
    middlewares: [validateAndTransformQuery(AdminGetPromotionReportParams, {})],
    policies: read,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/promotions/:id/export`,
    middlewares: [validateAndTransformQuery(AdminExportPromotionReportParams, {})],
    policies: exporting,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/promotions/:id/pdf`,
    middlewares: [validateAndTransformQuery(AdminGetPromotionReportParams, {})],
    policies: exporting,
  },
  { method: ["GET"], matcher: `${BASE}/orders/:id`, policies: read },
  { method: ["GET"], matcher: `${BASE}/customers/:id`, policies: read },
]
