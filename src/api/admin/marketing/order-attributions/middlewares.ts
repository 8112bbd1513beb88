import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listOrderAttributionsQueryConfig } from "./query-config"
import { AdminGetOrderAttributionsParams } from "./validators"

export const adminOrderAttributionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/marketing/order-attributions",
    middlewares: [validateAndTransformQuery(AdminGetOrderAttributionsParams, listOrderAttributionsQueryConfig)],
    policies: [{ resource: MarketingResource.ANALYTICS, operation: "read" }],
  },
]
