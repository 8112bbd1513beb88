import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listMessagesQueryConfig } from "./query-config"
import { AdminGetMessagesParams } from "./validators"

export const adminMessageMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/marketing/messages",
    middlewares: [validateAndTransformQuery(AdminGetMessagesParams, listMessagesQueryConfig)],
    policies: [{ resource: MarketingResource.CAMPAIGN, operation: "read" }],
  },
]
