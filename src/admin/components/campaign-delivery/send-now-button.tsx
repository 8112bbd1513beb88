import { Button, toast, usePrompt } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useSendCampaignNow } from "../../hooks/campaign-delivery"
import { useSegmentReachable } from "../../hooks/segment-reachable"
import { CHANNEL_MEANS } from "../../lib/campaign-display"
import { formatContactCount, formatDateTime } from "../../lib/format"

interface SendNowButtonProps {
  campaign: AdminCampaign
  /** The id of the text that says why it cannot go out yet; the button is disabled while there is one. */
  blockedBy?: string
}

/**
 * Sends a scheduled campaign before its time; it cannot be called back, so it asks first, saying how
 * many people it goes to (counted again as the question is asked).
 */
export const SendNowButton = ({ campaign, blockedBy }: SendNowButtonProps) => {
  const prompt = usePrompt()
  const sendNow = useSendCampaignNow(campaign.id)
  const reachable = useSegmentReachable(campaign.segment_id, campaign.channel)

  const handleClick = async () => {
    const { data: count, isError, error } = await reachable.refetch()
    if (isError || count === undefined) {
      toast.error("Could not count the audience", { description: error?.message })
      return
    }
    const confirmed = await prompt({
      title: `Send to ${formatContactCount(count)} ${CHANNEL_MEANS[campaign.channel]}?`,
      description: campaign.scheduled_at
        ? `"${campaign.name}" goes out to its audience now instead of on ${formatDateTime(campaign.scheduled_at)}. This cannot be undone.`
        : `"${campaign.name}" goes out to its audience now. This cannot be undone.`,
      confirmText: "Send now",
      cancelText: "Back",
    })
    if (!confirmed) return
    // Awaited, not given callbacks: once the campaign is sending this button is gone, and react-query
    // drops the callbacks of a caller that unmounted.
    try {
      const { queued } = await sendNow.mutateAsync()
      toast.success(`Sending to ${formatContactCount(queued)}`)
    } catch (error) {
      // E.g. "Campaign 'X' is not due to send: it is draft", when another admin changed it meanwhile.
      toast.error("Could not send the campaign", { description: (error as Error).message })
    }
  }

  return (
    <Button
      size="small"
      onClick={handleClick}
      disabled={!!blockedBy}
      aria-describedby={blockedBy}
      isLoading={sendNow.isPending || reachable.isRefetching}
    >
      Send now
    </Button>
  )
}
