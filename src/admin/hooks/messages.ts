import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { AdminCampaign } from "../../types/campaign/http"
import type { MessageChannel, MessageStatus } from "../../types/messaging"
import { isDeliveryLive } from "../lib/delivery-progress"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type { AdminCampaignDeliveryResponse, AdminMessageListResponse } from "../types/messages"

const MESSAGES_API_PATH = "/admin/marketing/messages"

/** How often numbers that change as messages go out are asked for again. */
export const LIVE_REFRESH_MS = 2_000

export const messageQueryKeys = {
  all: ["marketing_messages"] as const,
  list: (query: MessageListQuery) => [...messageQueryKeys.all, "list", query] as const,
  delivery: (campaignId: string) => [...messageQueryKeys.all, "delivery", campaignId] as const,
}

export interface MessageListQuery extends PageQuery {
  campaign_id?: string
  status?: MessageStatus[]
  channel?: MessageChannel[]
  /** Sent as text: the route reads "true" and "false". */
  is_test?: "true" | "false"
  to?: string
}

/** The message log; `live` asks again every couple of seconds, while the campaign goes out. */
export const useMessages = (query: MessageListQuery, { live = false } = {}) =>
  useQuery<AdminMessageListResponse, FetchError>({
    queryKey: messageQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(MESSAGES_API_PATH, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  })

/** A campaign's delivery numbers, asked for again every couple of seconds while they change. */
export const useCampaignDelivery = (campaign: Pick<AdminCampaign, "id" | "status">) =>
  useQuery<AdminCampaignDeliveryResponse, FetchError>({
    queryKey: messageQueryKeys.delivery(campaign.id),
    queryFn: () => sdk.client.fetch(`/admin/marketing/campaigns/${campaign.id}/delivery`),
    refetchInterval: ({ state }) => (isDeliveryLive(campaign, state.data?.delivery) ? LIVE_REFRESH_MS : false),
  })
