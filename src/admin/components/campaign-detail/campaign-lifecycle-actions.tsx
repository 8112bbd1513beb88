import { Button, toast, usePrompt } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { useTransitionCampaign } from "../../hooks/campaigns"
import { CAMPAIGN_STATUSES } from "../../lib/campaign-display"
import { canSendNow, LifecycleAction, lifecycleActions } from "../../lib/campaign-lifecycle"
import { SendNowButton } from "../campaign-delivery/send-now-button"

/**
 * A button per status change open to the campaign now; the final ones ask for confirmation first. A
 * scheduled campaign can also go out at once: the way forward, last.
 */
export const CampaignLifecycleActions = ({ campaign }: { campaign: AdminCampaign }) => {
  const prompt = usePrompt()
  const transition = useTransitionCampaign(campaign.id)
  const actions = lifecycleActions(campaign)

  if (!actions.length) {
    return null
  }

  const run = async ({ to, label, confirmation }: LifecycleAction) => {
    if (confirmation) {
      const confirmed = await prompt({
        title: `${label}?`,
        description: confirmation(campaign.name),
        confirmText: label,
        cancelText: "Back",
      })
      if (!confirmed) return
    }
    transition.mutate(to, {
      onSuccess: () => toast.success(`Campaign is now ${CAMPAIGN_STATUSES[to].label.toLowerCase()}`),
      // The server says what stands in the way, e.g. "subject: an email campaign needs a subject".
      onError: (error) => toast.error(`Could not ${label.toLowerCase()}`, { description: error.message }),
    })
  }

  return (
    <div className="flex items-center justify-end gap-x-2 px-6 py-4">
      {actions.map((action) => (
        <Button
          key={action.to}
          size="small"
          variant="secondary"
          disabled={transition.isPending}
          isLoading={transition.isPending && transition.variables === action.to}
          onClick={() => run(action)}
        >
          {action.label}
        </Button>
      ))}
      {canSendNow(campaign) && <SendNowButton campaign={campaign} />}
    </div>
  )
}
