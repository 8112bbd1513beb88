import { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"

export const adminCurrencyMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/currency",
    summary: "The currency of the contacts' money (total spent, average order)",
    response: z.object({ currency_code: z.string() }),
    // Whoever reads contacts reads their money, which needs its currency.
    policies: [{ resource: MarketingResource.CONTACT, operation: "read" }],
  }),
]
