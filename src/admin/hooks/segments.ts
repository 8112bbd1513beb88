import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { SegmentKind } from "../../types/audience"
import type { PageQuery } from "../lib/page-query"
import { sdk } from "../lib/sdk"
import type {
  AdminSegmentListResponse,
  AdminSegmentResponse,
  SegmentReference,
} from "../types/segments"
import { auditQueryKeys } from "./audit-entries"

export const SEGMENTS_API_PATH = "/admin/marketing/segments"

export const segmentQueryKeys = {
  all: ["marketing_segments"] as const,
  lists: () => [...segmentQueryKeys.all, "list"] as const,
  list: (query: SegmentListQuery) => [...segmentQueryKeys.lists(), query] as const,
  detail: (id: string) => [...segmentQueryKeys.all, "detail", id] as const,
  reference: () => [...segmentQueryKeys.all, "reference"] as const,
}

export interface SegmentListQuery extends PageQuery {
  kind?: SegmentKind[]
}

/** The body of `POST /admin/marketing/segments`. */
export interface CreateSegmentPayload {
  name: string
  handle: string
  description?: string | null
  dsl: string
  kind: SegmentKind
  /** Keep a native customer group equal to the segment's customers; false releases the group. */
  sync_customer_group?: boolean
}

export type UpdateSegmentPayload = Partial<CreateSegmentPayload>

export const useSegments = (query: SegmentListQuery) =>
  useQuery<AdminSegmentListResponse, FetchError>({
    queryKey: segmentQueryKeys.list(query),
    queryFn: () => sdk.client.fetch(SEGMENTS_API_PATH, { query }),
    placeholderData: keepPreviousData,
  })

export const useSegment = (id: string) =>
  useQuery<AdminSegmentResponse, FetchError>({
    queryKey: segmentQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch(`${SEGMENTS_API_PATH}/${id}`),
  })

/** The fields, operators and functions of the segment language; they change only with the plugin. */
export const useSegmentReference = () =>
  useQuery<SegmentReference, FetchError>({
    queryKey: segmentQueryKeys.reference(),
    queryFn: () => sdk.client.fetch(`${SEGMENTS_API_PATH}/reference`),
    staleTime: Infinity,
  })

/** A mutation that answers with the segment as it is now, which the detail page then shows. */
function useSegmentMutation<TVariables>(mutationFn: (variables: TVariables) => Promise<AdminSegmentResponse>) {
  const queryClient = useQueryClient()
  return useMutation<AdminSegmentResponse, FetchError, TVariables>({
    mutationFn,
    onSuccess: ({ segment }) => {
      queryClient.setQueryData(segmentQueryKeys.detail(segment.id), { segment })
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: segmentQueryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
      ])
    },
  })
}

/** Creates a segment, or updates the one with `id`: both are a POST that answers with the segment. */
export const useSaveSegment = (id?: string) =>
  useSegmentMutation((body: CreateSegmentPayload | UpdateSegmentPayload) =>
    sdk.client.fetch(id ? `${SEGMENTS_API_PATH}/${id}` : SEGMENTS_API_PATH, { method: "POST", body })
  )

/** Stores who is in a static segment now, and how many they are. */
export const useSnapshotSegment = (id: string) =>
  useSegmentMutation(() => sdk.client.fetch(`${SEGMENTS_API_PATH}/${id}/snapshot`, { method: "POST" }))

/** Creates a copy of the segment, without its members; the answer is the copy. */
export const useDuplicateSegment = (id: string) =>
  useSegmentMutation((_: void) => sdk.client.fetch(`${SEGMENTS_API_PATH}/${id}/duplicate`, { method: "POST" }))

export const useDeleteSegment = (id: string) => {
  const queryClient = useQueryClient()
  return useMutation<unknown, FetchError>({
    mutationFn: () => sdk.client.fetch(`${SEGMENTS_API_PATH}/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: segmentQueryKeys.detail(id) })
      return queryClient.invalidateQueries({ queryKey: segmentQueryKeys.lists() })
    },
  })
}
