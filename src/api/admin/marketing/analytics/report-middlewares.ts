import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { AdminExportPromotionReportParams, AdminGetPromotionReportParams } from "./report-validators"
import {
  AdminCustomerMarketingFiguresResponse,
  AdminOrderAttributionFiguresResponse,
  AdminPromotionReportResponse,
  CSV_FILE,
  PDF_FILE,
} from "./responses"
import { AdminGetAnalyticsSummaryParams } from "./validators"

const BASE = "/admin/marketing/analytics"
const read = [{ resource: MarketingResource.ANALYTICS, operation: "read" as const }]
const exporting = [{ resource: MarketingResource.ANALYTICS, operation: "export" as const }]

/** The promotion report, the PDFs, and the order and customer widgets' figures. */
export const adminAnalyticsReportMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: `${BASE}/pdf`,
    summary: "The dashboard of a range (and filter) as a PDF",
    query: AdminGetAnalyticsSummaryParams,
    response: PDF_FILE,
    policies: exporting,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/promotions/:id`,
    summary: "A promotion's report over a range: orders, revenue, codes and discount per bucket, budget, codes, the campaigns and journeys that brought its orders",
    query: AdminGetPromotionReportParams,
    response: AdminPromotionReportResponse,
    policies: read,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/promotions/:id/export`,
    summary: "A promotion report's table as CSV: per bucket, or per campaign and journey that brought its orders",
    query: AdminExportPromotionReportParams,
    response: CSV_FILE,
    policies: exporting,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/promotions/:id/pdf`,
    summary: "A promotion's report as a PDF",
    query: AdminGetPromotionReportParams,
    response: PDF_FILE,
    policies: exporting,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/orders/:id`,
    summary: "What marketing is credited with for an order: the message each attribution model credits, and the promotions it used",
    response: AdminOrderAttributionFiguresResponse,
    policies: read,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/customers/:id`,
    summary: "What marketing earned from a customer per currency and attribution model, and their last engagement",
    response: AdminCustomerMarketingFiguresResponse,
    policies: read,
  }),
]
