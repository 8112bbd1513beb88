import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { CampaignChannel } from "../../types/campaign/module"
import type { PromotionCodeStatus } from "../../types/promotion/module"
import { saveResponseAsFile } from "../lib/download"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type {
  AdminCodeBatchListResponse,
  AdminPromotionCodeListResponse,
  AssignCodesResult,
  GeneratedCodeBatch,
} from "../types/promotions"
import { auditQueryKeys } from "./audit-entries"
import { PROMOTIONS_API_PATH, promotionQueryKeys } from "./promotions"

const codesApiPath = (promotionId: string) => `${PROMOTIONS_API_PATH}/${promotionId}/codes`

const codeQueryKeys = {
  all: (promotionId: string) => [...promotionQueryKeys.all, "codes", promotionId] as const,
  list: (promotionId: string, query: PromotionCodeListQuery) => [...codeQueryKeys.all(promotionId), query] as const,
  batches: (promotionId: string) => [...codeQueryKeys.all(promotionId), "batches"] as const,
}

export interface PromotionCodeListQuery extends PageQuery {
  status?: PromotionCodeStatus[]
  batch_id?: string
}

export interface GenerateCodesPayload {
  count: number
  /** Leave out for the promotion's own pattern. */
  pattern?: string
}

export interface VoidCodesPayload {
  code_ids?: string[]
  batch_id?: string
}

/** Who gets codes: listed contacts, or a segment's contacts reachable on a channel (email unless told). */
export type AssignCodesPayload = { contact_ids: string[] } | { segment_id: string; channel?: CampaignChannel }

export const usePromotionCodes = (promotionId: string, query: PromotionCodeListQuery) =>
  useQuery<AdminPromotionCodeListResponse, FetchError>({
    queryKey: codeQueryKeys.list(promotionId, query),
    queryFn: () => sdk.client.fetch(codesApiPath(promotionId), { query }),
    placeholderData: keepPreviousData,
  })

/** The promotion's code batches, oldest first, with their counts. */
export const useCodeBatches = (promotionId: string) =>
  useQuery<AdminCodeBatchListResponse, FetchError>({
    queryKey: codeQueryKeys.batches(promotionId),
    queryFn: () => sdk.client.fetch(`${codesApiPath(promotionId)}/batches`),
  })

/** A change to the codes: their list and the promotion's history show it. */
function useCodeMutation<TVariables, TResponse>(promotionId: string, mutationFn: (variables: TVariables) => Promise<TResponse>) {
  const queryClient = useQueryClient()
  return useMutation<TResponse, FetchError, TVariables>({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: codeQueryKeys.all(promotionId) }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ]),
  })
}

export const useGenerateCodes = (promotionId: string) =>
  useCodeMutation(promotionId, (body: GenerateCodesPayload) =>
    sdk.client.fetch<GeneratedCodeBatch>(codesApiPath(promotionId), { method: "POST", body })
  )

/** Gives one available code to each contact that has none of the promotion's yet. */
export const useAssignCodes = (promotionId: string) =>
  useCodeMutation(promotionId, (body: AssignCodesPayload) =>
    sdk.client.fetch<AssignCodesResult>(`${codesApiPath(promotionId)}/assign`, { method: "POST", body })
  )

/** Voids available codes, listed or of a batch: nobody can use them any more. */
export const useVoidCodes = (promotionId: string) =>
  useCodeMutation(promotionId, (body: VoidCodesPayload) =>
    sdk.client.fetch<{ voided: number }>(`${codesApiPath(promotionId)}/void`, { method: "POST", body })
  )

/** Downloads the promotion's codes as CSV, all of them or one batch's, to hand them out elsewhere. */
export const useExportCodes = (promotionId: string) =>
  useMutation<void, FetchError, { batch_id?: string }>({
    mutationFn: async (query) => {
      const response = await sdk.client.fetch<Response>(`${codesApiPath(promotionId)}/export`, {
        query,
        headers: { accept: "text/csv" },
      })
      await saveResponseAsFile(response, `promotion-codes-${promotionId}.csv`)
    },
  })
