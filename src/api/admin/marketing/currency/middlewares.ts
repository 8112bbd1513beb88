import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"

export const adminCurrencyMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/marketing/currency",
    // Whoever reads contacts reads their money, which needs its currency.
    policies: [{ resource: MarketingResource.CONTACT, operation: "read" }],
  },
]
