import { Text } from "@medusajs/ui"
import type { CampaignChannel } from "../../types/campaign/module"
import { useSegmentReachable } from "../hooks/segment-reachable"
import { CHANNEL_MEANS } from "../lib/campaign-display"
import { formatContactCount } from "../lib/format"

/** "1,234 contacts reachable by email": whom a send to the segment would reach now. */
export const ReachableCount = ({ segmentId, channel }: { segmentId: string; channel: CampaignChannel }) => {
  const { data, isPending, isError, error } = useSegmentReachable(segmentId, channel)
  if (isError) {
    return (
      <Text size="small" leading="compact" className="text-ui-fg-error">
        The reachable contacts could not be counted: {error.message}
      </Text>
    )
  }
  return (
    <Text size="small" leading="compact" className="text-ui-fg-subtle" aria-live="polite" data-testid="reachable-count">
      {isPending ? "Counting reachable contacts…" : `${formatContactCount(data)} reachable ${CHANNEL_MEANS[channel]}`}
    </Text>
  )
}
