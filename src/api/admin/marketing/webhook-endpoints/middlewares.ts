import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listWebhookDeliveriesQueryConfig, listWebhookEndpointsQueryConfig, retrieveWebhookEndpointQueryConfig } from "./query-config"
import {
  AdminResentWebhookDeliveryResponse,
  AdminUpdatedWebhookEndpointResponse,
  AdminWebhookDeliveryListResponse,
  AdminWebhookEndpointDeleteResponse,
  AdminWebhookEndpointListResponse,
  AdminWebhookEndpointResponse,
  AdminWebhookEndpointWithSecretResponse,
} from "./responses"
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
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List the webhook endpoints",
    query: AdminGetWebhookEndpointsParams,
    queryConfig: listWebhookEndpointsQueryConfig,
    response: AdminWebhookEndpointListResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "POST",
    matcher: BASE,
    summary: "Subscribe an HTTPS endpoint to marketing events",
    description: "The answer carries the endpoint's signing secret: no later answer shows it again.",
    body: AdminCreateWebhookEndpoint,
    response: AdminWebhookEndpointWithSecretResponse,
    policies: can("create"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id`,
    summary: "Retrieve a webhook endpoint",
    query: AdminGetWebhookEndpointParams,
    queryConfig: retrieveWebhookEndpointQueryConfig,
    response: AdminWebhookEndpointResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id`,
    summary: "Update a webhook endpoint",
    body: AdminUpdateWebhookEndpoint,
    response: AdminUpdatedWebhookEndpointResponse,
    policies: can("update"),
  }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id`,
    summary: "Unsubscribe a webhook endpoint",
    description: "Its delivery log is kept.",
    response: AdminWebhookEndpointDeleteResponse,
    policies: can("delete"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/rotate-secret`,
    summary: "Give a webhook endpoint a new signing secret",
    description: "The old secret stops signing at once; the answer carries the new one, which no later answer shows again.",
    response: AdminWebhookEndpointWithSecretResponse,
    policies: can("update"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/deliveries`,
    summary: "A webhook endpoint's delivery log",
    query: AdminGetWebhookDeliveriesParams,
    queryConfig: listWebhookDeliveriesQueryConfig,
    response: AdminWebhookDeliveryListResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/deliveries/:delivery_id/resend`,
    summary: "Send a delivery again from its first attempt",
    description: "A delivery that is being sent is a 400: resend it once it is done.",
    response: AdminResentWebhookDeliveryResponse,
    // Resending sends: the operation a campaign's send needs.
    policies: can("send"),
  }),
]
