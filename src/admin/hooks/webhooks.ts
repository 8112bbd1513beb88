import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { WebhookDeliveryStatus, WebhookEventType } from "../../types/webhook"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type {
  AdminWebhookDelivery,
  AdminWebhookDeliveryListResponse,
  AdminWebhookEndpoint,
  AdminWebhookEndpointListResponse,
  AdminWebhookEndpointWithSecret,
} from "../types/webhooks"
import { auditQueryKeys } from "./audit-entries"

const ENDPOINTS_API_PATH = "/admin/marketing/webhook-endpoints"

const webhookQueryKeys = {
  all: ["marketing_webhook_endpoints"] as const,
  list: (query: PageQuery) => [...webhookQueryKeys.all, "list", query] as const,
  detail: (id: string) => [...webhookQueryKeys.all, "detail", id] as const,
  deliveries: (id: string, query: WebhookDeliveryListQuery) => [...webhookQueryKeys.all, "deliveries", id, query] as const,
}

export interface WebhookDeliveryListQuery extends PageQuery {
  status?: WebhookDeliveryStatus[]
  event_type?: WebhookEventType[]
}

export interface WebhookEndpointPayload {
  url: string
  events: WebhookEventType[]
  enabled: boolean
  description: string | null
}

export const useWebhookEndpoints = (query: PageQuery) =>
  useQuery<AdminWebhookEndpointListResponse, FetchError>({
    queryKey: webhookQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(ENDPOINTS_API_PATH, { query }),
    placeholderData: keepPreviousData,
  })

export const useWebhookEndpoint = (id: string) =>
  useQuery<{ webhook_endpoint: AdminWebhookEndpoint }, FetchError>({
    queryKey: webhookQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${ENDPOINTS_API_PATH}/${id}`),
  })

/** The delivery log refreshes itself while something in it is still to be sent. */
export const useWebhookDeliveries = (id: string) => (query: WebhookDeliveryListQuery) =>
  useQuery<AdminWebhookDeliveryListResponse, FetchError>({
    queryKey: webhookQueryKeys.deliveries(id, query),
    queryFn: () => sdk.client.fetch(`${ENDPOINTS_API_PATH}/${id}/deliveries`, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      current.state.data?.webhook_deliveries.some((d) => d.status === "pending" || d.status === "sending") ? 3_000 : false,
  })

function useWebhookMutation<TResult, TVariables>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation<TResult, FetchError, TVariables>({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ]),
  })
}

export const useCreateWebhookEndpoint = () =>
  useWebhookMutation((body: WebhookEndpointPayload) =>
    sdk.client.fetch<{ webhook_endpoint: AdminWebhookEndpointWithSecret }>(ENDPOINTS_API_PATH, { method: "POST", body })
  )

export const useUpdateWebhookEndpoint = (id: string) =>
  useWebhookMutation((body: Partial<WebhookEndpointPayload>) =>
    sdk.client.fetch<{ webhook_endpoint: AdminWebhookEndpoint }>(`${ENDPOINTS_API_PATH}/${id}`, { method: "POST", body })
  )

export const useDeleteWebhookEndpoint = (id: string) =>
  useWebhookMutation(() => sdk.client.fetch(`${ENDPOINTS_API_PATH}/${id}`, { method: "DELETE" }))

export const useRotateWebhookSecret = (id: string) =>
  useWebhookMutation(() =>
    sdk.client.fetch<{ webhook_endpoint: AdminWebhookEndpointWithSecret }>(`${ENDPOINTS_API_PATH}/${id}/rotate-secret`, { method: "POST" })
  )

export const useResendWebhookDelivery = (id: string) =>
  useWebhookMutation((deliveryId: string) =>
    sdk.client.fetch<{ webhook_delivery: AdminWebhookDelivery }>(`${ENDPOINTS_API_PATH}/${id}/deliveries/${deliveryId}/resend`, {
      method: "POST",
    })
  )
