import type { WebhookDeliveryStatus, WebhookEventType } from "../../types/webhook"

export interface AdminWebhookEndpoint {
  id: string
  url: string
  events: WebhookEventType[]
  enabled: boolean
  description: string | null
  created_at: string
  updated_at: string
}

/** What creating an endpoint and rotating its secret answer: the one time the secret is shown. */
export type AdminWebhookEndpointWithSecret = AdminWebhookEndpoint & { secret: string }

export interface AdminWebhookDelivery {
  id: string
  endpoint_id: string
  event_id: string
  event_type: WebhookEventType
  payload: { id: string; type: WebhookEventType; occurred_at: string; data: Record<string, unknown> }
  status: WebhookDeliveryStatus
  attempts: number
  next_attempt_at: string | null
  last_response_status: number | null
  last_error: string | null
  delivered_at: string | null
  created_at: string
}

export interface AdminWebhookEndpointListResponse {
  webhook_endpoints: AdminWebhookEndpoint[]
  count: number
  offset: number
  limit: number
}

export interface AdminWebhookDeliveryListResponse {
  webhook_deliveries: AdminWebhookDelivery[]
  count: number
  offset: number
  limit: number
}
