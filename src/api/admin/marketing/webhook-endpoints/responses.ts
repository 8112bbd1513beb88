import { z } from "@medusajs/framework/zod"
import WebhookDelivery from "../../../../modules/webhook/models/webhook-delivery"
import WebhookEndpoint from "../../../../modules/webhook/models/webhook-endpoint"
import { WEBHOOK_EVENT_TYPES } from "../../../../types/webhook"
import { deletedSchema, listSchema, modelSchema } from "../../../utils/model-schema"
import { webhookDeliveryFields, webhookEndpointFields } from "./query-config"

// The model stores the events as a plain array: the answer names the values it can hold.
export const AdminWebhookEndpoint = modelSchema(WebhookEndpoint, webhookEndpointFields).extend({ events: z.array(z.enum(WEBHOOK_EVENT_TYPES)) })
export const AdminWebhookEndpointResponse = z.object({ webhook_endpoint: AdminWebhookEndpoint })
/** The updated record, with every stored field but the secret. */
export const AdminUpdatedWebhookEndpointResponse = z.object({ webhook_endpoint: AdminWebhookEndpoint.loose() })
/** Creation and rotation: the record with every stored field, and the secret, which no other answer shows. */
export const AdminWebhookEndpointWithSecretResponse = z.object({ webhook_endpoint: AdminWebhookEndpoint.extend({ secret: z.string() }).loose() })
export const AdminWebhookEndpointListResponse = listSchema("webhook_endpoints", AdminWebhookEndpoint)
export const AdminWebhookEndpointDeleteResponse = deletedSchema("webhook_endpoint")

export const AdminWebhookDelivery = modelSchema(WebhookDelivery, webhookDeliveryFields)
export const AdminWebhookDeliveryListResponse = listSchema("webhook_deliveries", AdminWebhookDelivery)
/** The delivery queued again, with every stored field. */
export const AdminResentWebhookDeliveryResponse = z.object({ webhook_delivery: AdminWebhookDelivery.loose() })
