/** What the admin reads of an endpoint: everything but its secret, which only creation and rotation answer. */
export const webhookEndpointFields = ["id", "url", "events", "enabled", "description", "created_at", "updated_at"]
export const webhookDeliveryFields = [
  "id",
  "endpoint_id",
  "event_id",
  "event_type",
  "payload",
  "status",
  "attempts",
  "next_attempt_at",
  "last_response_status",
  "last_error",
  "delivered_at",
  "created_at",
  "updated_at",
]

// `allowed`: a `fields` parameter cannot ask for the secret.
export const listWebhookEndpointsQueryConfig = { defaults: webhookEndpointFields, allowed: webhookEndpointFields, isList: true }
export const retrieveWebhookEndpointQueryConfig = { defaults: webhookEndpointFields, allowed: webhookEndpointFields, isList: false }
export const listWebhookDeliveriesQueryConfig = { defaults: webhookDeliveryFields, allowed: webhookDeliveryFields, isList: true }
