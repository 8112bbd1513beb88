import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  BuyGetRule,
  PromotionCodeMode,
  PromotionItemTarget,
  PromotionStatus,
  PromotionTier,
  PromotionType,
  RedemptionStatus,
  StackingRule,
} from "../../types/promotion/module"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type {
  AdminPromotionByNativeResponse,
  AdminPromotionListResponse,
  AdminPromotionResponse,
  AdminRedemptionListResponse,
  CostPreviewRequest,
  CostPreviewResponse,
} from "../types/promotions"
import { auditQueryKeys } from "./audit-entries"

export const PROMOTIONS_API_PATH = "/admin/marketing/promotions"

export const promotionQueryKeys = {
  all: ["marketing_promotions"] as const,
  lists: () => [...promotionQueryKeys.all, "list"] as const,
  list: (query: PromotionListQuery) => [...promotionQueryKeys.lists(), query] as const,
  detail: (id: string) => [...promotionQueryKeys.all, "detail", id] as const,
  natives: () => [...promotionQueryKeys.all, "by-native"] as const,
  byNative: (nativeId: string) => [...promotionQueryKeys.natives(), nativeId] as const,
  redemptions: (id: string, query: RedemptionListQuery) => [...promotionQueryKeys.all, "redemptions", id, query] as const,
}

export interface PromotionListQuery extends PageQuery {
  status?: PromotionStatus[]
  type?: PromotionType[]
  code_mode?: PromotionCodeMode[]
}

export interface RedemptionListQuery extends PageQuery {
  status?: RedemptionStatus[]
}

/** The body of `POST /admin/marketing/promotions`. */
export interface CreatePromotionPayload {
  name: string
  description?: string | null
  campaign_id?: string | null
  type: PromotionType
  status?: PromotionStatus
  code_mode: PromotionCodeMode
  code?: string | null
  code_pattern?: string | null
  value?: number | null
  currency_code?: string | null
  tiers?: PromotionTier[] | null
  buy_get?: BuyGetRule | null
  target?: PromotionItemTarget
  segment_id?: string | null
  customer_group_ids?: string[]
  min_subtotal?: number | null
  starts_at?: string | null
  ends_at?: string | null
  usage_limit?: number | null
  per_customer_limit?: number | null
  budget_amount?: number | null
  stacking?: StackingRule
  priority?: number
}

/** The body of `POST /admin/marketing/promotions/:id`: only the fields that change. */
export type UpdatePromotionPayload = Partial<CreatePromotionPayload>

export const usePromotions = (query: PromotionListQuery) =>
  useQuery<AdminPromotionListResponse, FetchError>({
    queryKey: promotionQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(PROMOTIONS_API_PATH, { query }),
    placeholderData: keepPreviousData,
  })

export const usePromotion = (id: string) =>
  useQuery<AdminPromotionResponse, FetchError>({
    queryKey: promotionQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${PROMOTIONS_API_PATH}/${id}`),
  })

/** The marketing promotion behind a native one; `promotion` is null for the store's own promotions. */
export const usePromotionByNative = (nativeId: string) =>
  useQuery<AdminPromotionByNativeResponse, FetchError>({
    queryKey: promotionQueryKeys.byNative(nativeId),
    queryFn: () => sdk.client.fetch(`${PROMOTIONS_API_PATH}/by-native/${nativeId}`),
  })

/** The promotion's ledger: carts holding it, orders that used it, and what was given back. */
export const usePromotionRedemptions = (id: string, query: RedemptionListQuery) =>
  useQuery<AdminRedemptionListResponse, FetchError>({
    queryKey: promotionQueryKeys.redemptions(id, query),
    queryFn: () => sdk.client.fetch(`${PROMOTIONS_API_PATH}/${id}/redemptions`, { query }),
    placeholderData: keepPreviousData,
  })

/**
 * A mutation that answers with the promotion as it is now, which the detail page then shows; its
 * native mirror and history change with it.
 */
function usePromotionMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<AdminPromotionResponse>) {
  const queryClient = useQueryClient()
  return useMutation<AdminPromotionResponse, FetchError, TVariables>({
    mutationFn,
    onSuccess: ({ promotion }) => {
      queryClient.setQueryData(promotionQueryKeys.detail(promotion.id), { promotion })
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: promotionQueryKeys.lists() }),
        // The native promotion page's widget shows it too.
        queryClient.invalidateQueries({ queryKey: promotionQueryKeys.natives() }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ])
    },
  })
}

/** Creates a promotion, or updates the one with `id`: both are a POST that answers with the promotion. */
export const useSavePromotion = (id?: string) =>
  usePromotionMutation((body: CreatePromotionPayload | UpdatePromotionPayload) =>
    sdk.client.fetch(id ? `${PROMOTIONS_API_PATH}/${id}` : PROMOTIONS_API_PATH, { method: "POST", body })
  )

/** Activating, pausing and ending are plain updates of the status. */
export const useSetPromotionStatus = (id: string) =>
  usePromotionMutation((status: PromotionStatus) =>
    sdk.client.fetch(`${PROMOTIONS_API_PATH}/${id}`, { method: "POST", body: { status } })
  )

/** Creates a draft copy of the promotion's terms, without codes or redemptions; the answer is the copy. */
export const useDuplicatePromotion = (id: string) =>
  usePromotionMutation((_: void) => sdk.client.fetch(`${PROMOTIONS_API_PATH}/${id}/duplicate`, { method: "POST" }))

export const useDeletePromotion = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation<unknown, FetchError>({
    mutationFn: () => sdk.client.fetch(`${PROMOTIONS_API_PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: promotionQueryKeys.detail(id) })
      return queryClient.invalidateQueries({ queryKey: promotionQueryKeys.lists() })
    },
  })
}

/**
 * What the terms would have cost on a segment's recent orders. A POST, but it changes nothing: asked
 * for when the admin presses the button, as it reads every order of the segment's customers.
 */
export const usePromotionCostPreview = () =>
  useMutation<CostPreviewResponse, FetchError, CostPreviewRequest>({
    mutationFn: (body) => sdk.client.fetch(`${PROMOTIONS_API_PATH}/cost-preview`, { method: "POST", body }),
  })
