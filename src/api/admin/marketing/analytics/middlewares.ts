import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import {
  AdminExportAnalyticsParams,
  AdminExportAnalyticsTopParams,
  AdminGetAnalyticsSummaryParams,
  AdminGetAnalyticsTimeseriesParams,
  AdminGetAnalyticsTopParams,
} from "./validators"
import { AdminExportCampaignReportParams, AdminGetCampaignReportParams } from "./campaigns/[id]/validators"

const BASE = "/admin/marketing/analytics"
const read = [{ resource: MarketingResource.ANALYTICS, operation: "read" as const }]

export const adminAnalyticsMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: `${BASE}/summary`,
    middlewares: [validateAndTransformQuery(AdminGetAnalyticsSummaryParams, {})],
    policies: read,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/timeseries`,
    middlewares: [validateAndTransformQuery(AdminGetAnalyticsTimeseriesParams, {})],
    policies: read,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/top`,
    middlewares: [validateAndTransformQuery(AdminGetAnalyticsTopParams, {})],
    policies: read,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/top/export`,
    middlewares: [validateAndTransformQuery(AdminExportAnalyticsTopParams, {})],
    policies: [{ resource: MarketingResource.ANALYTICS, operation: "export" }],
  },
  {
    method: ["GET"],
    matcher: `${BASE}/campaigns/:id`,
    middlewares: [validateAndTransformQuery(AdminGetCampaignReportParams, {})],
    policies: read,
  },
  {
    method: ["GET"],
    matcher: `${BASE}/campaigns/:id/export`,
    middlewares: [validateAndTransformQuery(AdminExportCampaignReportParams, {})],
    policies: [{ resource: MarketingResource.ANALYTICS, operation: "export" }],
  },
  {
    method: ["GET"],
    matcher: `${BASE}/campaigns/:id/pdf`,
    middlewares: [validateAndTransformQuery(AdminGetCampaignReportParams, {})],
    policies: [{ resource: MarketingResource.ANALYTICS, operation: "export" }],
  },
  {
    method: ["GET"],
    matcher: `${BASE}/export`,
    middlewares: [validateAndTransformQuery(AdminExportAnalyticsParams, {})],
    policies: [{ resource: MarketingResource.ANALYTICS, operation: "export" }],
  },
]
