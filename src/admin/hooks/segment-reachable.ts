import type { FetchError } from "@medusajs/js-sdk"
import { queryOptions, useQuery } from "@tanstack/react-query"
import type { CampaignChannel } from "../../types/campaign/module"
import { sdk } from "../lib/sdk"
import { SEGMENTS_API_PATH, segmentQueryKeys } from "./segments"

/** The answer of `GET /admin/marketing/segments/:id/reachable` for the channels asked for. */
export interface AdminSegmentReachableResponse {
  segment_id: string
  reachable: Partial<Record<CampaignChannel, number>>
}

/**
 * How many of a segment's contacts a send on the channel would reach now (consented, not suppressed,
 * under the frequency cap). Shared by the pages that show it and the send confirmation, which asks
 * again so that the number it states is the current one.
 */
export const segmentReachableQuery = (segmentId: string, channel: CampaignChannel) =>
  queryOptions<AdminSegmentReachableResponse, FetchError, number>({
    queryKey: [...segmentQueryKeys.all, "reachable", segmentId, channel],
    queryFn: () => sdk.client.fetch(`${SEGMENTS_API_PATH}/${segmentId}/reachable`, { query: { channel } }),
    select: ({ reachable }) => reachable[channel] ?? 0,
  })

/** The reachable count of the segment on the channel; idle without a segment. */
export const useSegmentReachable = (segmentId: string | null, channel: CampaignChannel) =>
  useQuery({ ...segmentReachableQuery(segmentId ?? "", channel), enabled: !!segmentId })
