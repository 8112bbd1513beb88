import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query"
import type { FetchError } from "@medusajs/js-sdk"
import type {
  AdminCampaignDeleteResponse,
  AdminCampaignListResponse,
  AdminCampaignResponse,
} from "../../types/http/campaign"
import type { CampaignChannel, CampaignStatus } from "../../types/campaign/module"
import type { EmailBlock } from "../../modules/campaign/lib/email-blocks/types"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import { auditQueryKeys } from "./audit-entries"
import { LIVE_REFRESH_MS, messageQueryKeys } from "./messages"

const CAMPAIGNS_PATH = "/admin/marketing/campaigns"

const campaignQueryKeys = {
  all: ["marketing_campaigns"] as const,
  lists: () => [...campaignQueryKeys.all, "list"] as const,
  list: (query: CampaignListQuery) => [...campaignQueryKeys.lists(), query] as const,
  detail: (id: string) => [...campaignQueryKeys.all, "detail", id] as const,
}

export interface CampaignListQuery extends PageQuery {
  status?: CampaignStatus[]
  channel?: CampaignChannel[]
}

/** The body of `POST /admin/marketing/campaigns`. */
export interface CreateCampaignPayload {
  name: string
  description?: string | null
  channel: CampaignChannel
  /** The segment it goes to: it can wait in a draft, but not go out without one. */
  segment_id?: string | null
  subject?: string | null
  body?: string | null
  /** An email composed in the block editor: the server compiles the body from them. */
  blocks?: EmailBlock[] | null
  scheduled_at?: string | null
  schedule_cron?: string | null
  schedule_timezone?: string | null
  budget_amount?: number | null
  budget_currency_code?: string | null
}

/** The body of `POST /admin/marketing/campaigns/:id`: only the fields that change. */
export type UpdateCampaignPayload = Partial<CreateCampaignPayload>

export const useCampaigns = (query: CampaignListQuery) =>
  useQuery<AdminCampaignListResponse, FetchError>({
    queryKey: campaignQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(CAMPAIGNS_PATH, { query }),
    // Keeps the current page on screen while the next page, filter or search loads.
    placeholderData: keepPreviousData,
  })

export const useCampaign = (id: string) =>
  useQuery<AdminCampaignResponse, FetchError>({
    queryKey: campaignQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${CAMPAIGNS_PATH}/${id}`),
    // The delivery workers mark it sent once its last message has left: the page shows it when they do.
    refetchInterval: ({ state }) => (state.data?.campaign.status === "sending" ? LIVE_REFRESH_MS : false),
  })

/**
 * A mutation whose response is the campaign as it is now: every route that changes a campaign answers
 * with it, team included, so the detail page shows it without another request. Some answer more
 * (`TResponse`), e.g. how many messages a send queued.
 */
export function useCampaignMutation<TVariables, TResponse extends AdminCampaignResponse>(
  mutationFn: (variables: TVariables) => Promise<TResponse>
) {
  const queryClient = useQueryClient()
  return useMutation<TResponse, FetchError, TVariables>({
    mutationFn,
    onSuccess: ({ campaign }) => {
      queryClient.setQueryData(campaignQueryKeys.detail(campaign.id), { campaign })
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignQueryKeys.lists() }),
        // The campaign's history shows the change.
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
        // Sending it now queues its messages: its delivery numbers and message log start from them.
        queryClient.invalidateQueries({ queryKey: messageQueryKeys.all }),
      ])
    },
  })
}

/** Creates a campaign, or updates the one with `id`: both are a POST that answers with the campaign. */
export const useSaveCampaign = (id?: string) =>
  useCampaignMutation((body: CreateCampaignPayload | UpdateCampaignPayload) =>
    sdk.client.fetch<AdminCampaignResponse>(id ? `${CAMPAIGNS_PATH}/${id}` : CAMPAIGNS_PATH, { method: "POST", body })
  )

export const useTransitionCampaign = (id: string) =>
  useCampaignMutation((status: CampaignStatus) =>
    sdk.client.fetch<AdminCampaignResponse>(`${CAMPAIGNS_PATH}/${id}/transition`, { method: "POST", body: { status } })
  )

/** Creates a draft copy of the campaign; the answer is the copy. */
export const useDuplicateCampaign = (id: string) =>
  useCampaignMutation((_: void) => sdk.client.fetch<AdminCampaignResponse>(`${CAMPAIGNS_PATH}/${id}/duplicate`, { method: "POST" }))

export const useDeleteCampaign = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation<AdminCampaignDeleteResponse, FetchError>({
    mutationFn: () => sdk.client.fetch(`${CAMPAIGNS_PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: campaignQueryKeys.detail(id) })
      return queryClient.invalidateQueries({ queryKey: campaignQueryKeys.lists() })
    },
  })
}
