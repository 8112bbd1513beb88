import { Button, toast, usePrompt } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { useSendCampaignNow } from "../../hooks/campaign-delivery"
import { formatDateTime, formatNumber } from "../../lib/format"

/** Sends a scheduled campaign before its time; it cannot be called back, so it asks first. */
export const SendNowButton = ({ campaign }: { campaign: AdminCampaign }) => {
  const prompt = usePrompt()
  const sendNow = useSendCampaignNow(campaign.id)

  const handleClick = async () => {
    const confirmed = await prompt({
      title: "Send now?",
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
      toast.success(queued === 1 ? "Sending to 1 contact" : `Sending to ${formatNumber(queued)} contacts`)
    } catch (error) {
      // E.g. "Campaign 'X' is not due to send: it is draft", when another admin changed it meanwhile.
      toast.error("Could not send the campaign", { description: (error as Error).message })
    }
  }

  return (
    <Button size="small" onClick={handleClick} isLoading={sendNow.isPending}>
      Send now
    </Button>
  )
}
