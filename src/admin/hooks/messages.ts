import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { AdminCampaign } from "../../types/http/campaign"
import type { MessageChannel, MessageStatus } from "../../types/messaging"
import { isDeliveryLive, isEngagementFresh } from "../lib/delivery-progress"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type { AdminCampaignDeliveryResponse, AdminMessageListResponse } from "../types/messages"

const MESSAGES_API_PATH = "/admin/marketing/messages"

/** How often numbers that change as messages go out are asked for again. */
export const LIVE_REFRESH_MS = 2_000

/** How often opens and clicks are asked for again once everything went out: people read at their own pace. */
const ENGAGEMENT_REFRESH_MS = 10_000

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

/**
 * A campaign's delivery numbers, asked for again every couple of seconds while messages go out, then
 * less often while opens and clicks may still come in; no longer once they are unlikely to.
 */
export const useCampaignDelivery = (
  campaign: Pick<AdminCampaign, "id" | "status" | "scheduled_at" | "schedule_cron" | "last_occurrence_at">
) =>
  useQuery<AdminCampaignDeliveryResponse, FetchError>({
    queryKey: messageQueryKeys.delivery(campaign.id),
    queryFn: () => sdk.client.fetch(`/admin/marketing/campaigns/${campaign.id}/delivery`),
    refetchInterval: ({ state }) => {
      const delivery = state.data?.delivery
      if (isDeliveryLive(campaign, delivery)) return LIVE_REFRESH_MS
      return isEngagementFresh(campaign, delivery) ? ENGAGEMENT_REFRESH_MS : false
    },
  })
