import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { AdminSuppressionDeleteResponse, AdminSuppressionListResponse, AdminSuppressionResponse } from "./responses"
import { AdminCreateSuppression, AdminGetSuppressionsParams, suppressionFields } from "./validators"

const BASE = "/admin/marketing/suppressions"
const can = (operation: string) => [{ resource: MarketingResource.CONTACT, operation }]

export const adminSuppressionMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List the suppressed addresses",
    query: AdminGetSuppressionsParams,
    queryConfig: { defaults: suppressionFields, isList: true },
    response: AdminSuppressionListResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "POST",
    matcher: BASE,
    summary: "Suppress an address on a channel, whatever its consent says",
    body: AdminCreateSuppression,
    response: AdminSuppressionResponse,
    policies: can("update"),
  }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id`,
    summary: "Lift a suppression",
    response: AdminSuppressionDeleteResponse,
    policies: can("update"),
  }),
]
