import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import {
  AdminExportAnalyticsParams,
  AdminGetAnalyticsCampaignsParams,
  AdminGetAnalyticsSummaryParams,
  AdminGetAnalyticsTimeseriesParams,
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
    matcher: `${BASE}/campaigns`,
    middlewares: [validateAndTransformQuery(AdminGetAnalyticsCampaignsParams, {})],
    policies: read,
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
