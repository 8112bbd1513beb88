import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listWebhookDeliveriesQueryConfig, listWebhookEndpointsQueryConfig, retrieveWebhookEndpointQueryConfig } from "./query-config"
import {
  AdminCreateWebhookEndpoint,
  AdminGetWebhookDeliveriesParams,
  AdminGetWebhookEndpointParams,
  AdminGetWebhookEndpointsParams,
  AdminUpdateWebhookEndpoint,
} from "./validators"

const BASE = "/admin/marketing/webhook-endpoints"
const can = (operation: string) => [{ resource: MarketingResource.WEBHOOK, operation }]

export const adminWebhookEndpointMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetWebhookEndpointsParams, listWebhookEndpointsQueryConfig)],
    policies: can("read"),
  },
  { method: ["POST"], matcher: BASE, middlewares: [validateAndTransformBody(AdminCreateWebhookEndpoint)], policies: can("create") },
  {
    method: ["GET"],
    matcher: `${BASE}/:id`,
    middlewares: [validateAndTransformQuery(AdminGetWebhookEndpointParams, retrieveWebhookEndpointQueryConfig)],
    policies: can("read"),
  },
  { method: ["POST"], matcher: `${BASE}/:id`, middlewares: [validateAndTransformBody(AdminUpdateWebhookEndpoint)], policies: can("update") },
  { method: ["DELETE"], matcher: `${BASE}/:id`, policies: can("delete") },
  { method: ["POST"], matcher: `${BASE}/:id/rotate-secret`, policies: can("update") },
  {
    method: ["GET"],
    matcher: `${BASE}/:id/deliveries`,
    middlewares: [validateAndTransformQuery(AdminGetWebhookDeliveriesParams, listWebhookDeliveriesQueryConfig)],
    policies: can("read"),
  },
  // Resending sends: the operation a campaign's send needs.
  { method: ["POST"], matcher: `${BASE}/:id/deliveries/:delivery_id/resend`, policies: can("send") },
]
