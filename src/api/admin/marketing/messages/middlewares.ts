import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listMessagesQueryConfig } from "./query-config"
import { AdminMessageListResponse } from "./responses"
import { AdminGetMessagesParams } from "./validators"

export const adminMessageMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/messages",
    summary: "The message log: who got what, when, and how it went",
    query: AdminGetMessagesParams,
    queryConfig: listMessagesQueryConfig,
    response: AdminMessageListResponse,
    policies: [{ resource: MarketingResource.CAMPAIGN, operation: "read" }],
  }),
]
