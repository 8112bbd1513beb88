import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listOrderAttributionsQueryConfig } from "./query-config"
import { AdminOrderAttributionListResponse } from "./responses"
import { AdminGetOrderAttributionsParams } from "./validators"

export const adminOrderAttributionMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/order-attributions",
    summary: "Why orders happened: campaign, message, promotions and codes, revenue and discount",
    query: AdminGetOrderAttributionsParams,
    queryConfig: listOrderAttributionsQueryConfig,
    response: AdminOrderAttributionListResponse,
    policies: [{ resource: MarketingResource.ANALYTICS, operation: "read" }],
  }),
]
