import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { AdminExportCampaignReportParams, AdminGetCampaignReportParams } from "./campaigns/[id]/validators"
import {
  AdminAnalyticsSummaryResponse,
  AdminAnalyticsTimeseriesResponse,
  AdminAnalyticsTopResponse,
  AdminCampaignReportResponse,
  CSV_FILE,
  PDF_FILE,
} from "./responses"
import {
  AdminExportAnalyticsParams,
  AdminExportAnalyticsTopParams,
  AdminGetAnalyticsSummaryParams,
  AdminGetAnalyticsTimeseriesParams,
  AdminGetAnalyticsTopParams,
} from "./validators"

const BASE = "/admin/marketing/analytics"
const read = [{ resource: MarketingResource.ANALYTICS, operation: "read" as const }]
const exporting = [{ resource: MarketingResource.ANALYTICS, operation: "export" as const }]

export const adminAnalyticsMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: `${BASE}/summary`,
    summary: "The KPIs of a range of store days and of the range just before it",
    query: AdminGetAnalyticsSummaryParams,
    response: AdminAnalyticsSummaryResponse,
    policies: read,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/timeseries`,
    summary: "One metric per day, ISO week or month of a range of store days, every bucket present",
    query: AdminGetAnalyticsTimeseriesParams,
    response: AdminAnalyticsTimeseriesResponse,
    policies: read,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/top`,
    summary: "The top campaigns, journeys or promotions of a range against the period before, sorted, a page at a time",
    query: AdminGetAnalyticsTopParams,
    response: AdminAnalyticsTopResponse,
    policies: read,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/top/export`,
    summary: "A whole top table as CSV, each column in the range and in the period before",
    query: AdminExportAnalyticsTopParams,
    response: CSV_FILE,
    policies: exporting,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/campaigns/:id`,
    summary: "A campaign's report: funnel, engagement by hour, links, mailbox providers, money and ROI, orders",
    query: AdminGetCampaignReportParams,
    response: AdminCampaignReportResponse,
    policies: read,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/campaigns/:id/export`,
    summary: "One table of a campaign's report as CSV",
    query: AdminExportCampaignReportParams,
    response: CSV_FILE,
    policies: exporting,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/campaigns/:id/pdf`,
    summary: "A campaign's report as a PDF",
    query: AdminGetCampaignReportParams,
    response: PDF_FILE,
    policies: exporting,
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/export`,
    summary: "Every metric per day, ISO week or month of a range as CSV, orders and revenue under each attribution model",
    query: AdminExportAnalyticsParams,
    response: CSV_FILE,
    policies: exporting,
  }),
]
