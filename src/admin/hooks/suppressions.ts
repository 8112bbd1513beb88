import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ConsentChannel } from "../../types/audience"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type { AdminSuppression, AdminSuppressionListResponse, SuppressionReason } from "../types/contacts"
import { auditQueryKeys } from "./audit-entries"

const SUPPRESSIONS_API_PATH = "/admin/marketing/suppressions"

const suppressionQueryKeys = {
  all: ["marketing_suppressions"] as const,
  list: (query: SuppressionListQuery) => [...suppressionQueryKeys.all, "list", query] as const,
}

export interface SuppressionListQuery extends PageQuery {
  channel?: ConsentChannel
  reason?: SuppressionReason
}

export interface CreateSuppressionPayload {
  channel: ConsentChannel
  address: string
  reason?: SuppressionReason
  note?: string | null
}

export const useSuppressions = (query: SuppressionListQuery) =>
  useQuery<AdminSuppressionListResponse, FetchError>({
    queryKey: suppressionQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(SUPPRESSIONS_API_PATH, { query }),
    placeholderData: keepPreviousData,
  })

function useSuppressionMutation<TResult, TVariables>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient()
  return useMutation<TResult, FetchError, TVariables>({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: suppressionQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ]),
  })
}

export const useCreateSuppression = () =>
  useSuppressionMutation((body: CreateSuppressionPayload) =>
    sdk.client.fetch<{ suppression: AdminSuppression }>(SUPPRESSIONS_API_PATH, { method: "POST", body })
  )

export const useDeleteSuppression = () =>
  useSuppressionMutation((id: string) => sdk.client.fetch(`${SUPPRESSIONS_API_PATH}/${id}`, { method: "DELETE" }))
