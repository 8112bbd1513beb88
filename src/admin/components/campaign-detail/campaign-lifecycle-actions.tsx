import { Button, Text, toast, usePrompt } from "@medusajs/ui"
import { useId } from "react"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useTransitionCampaign } from "../../hooks/campaigns"
import { CAMPAIGN_STATUSES } from "../../lib/campaign-display"
import { canSendNow, goesOut, LifecycleAction, lifecycleActions, missingAudienceReason } from "../../lib/campaign-lifecycle"
import { SendNowButton } from "../campaign-delivery/send-now-button"

/**
 * A button per status change open to the campaign now; the final ones ask for confirmation first. A
 * scheduled campaign can also go out at once: the way forward, last. Without an audience, the moves
 * that send it are disabled, and say why.
 */
export const CampaignLifecycleActions = ({ campaign }: { campaign: AdminCampaign }) => {
  const prompt = usePrompt()
  const transition = useTransitionCampaign(campaign.id)
  const actions = lifecycleActions(campaign)
  const reasonId = useId()
  const missingAudience = missingAudienceReason(campaign)

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

  const blocked = (action: LifecycleAction) => !!missingAudience && goesOut(action.to)
  const sendsNow = canSendNow(campaign)
  return (
    <div className="flex items-center justify-end gap-x-4 px-6 py-4">
      {missingAudience && (sendsNow || actions.some(blocked)) && (
        <Text id={reasonId} size="small" leading="compact" className="text-ui-fg-subtle mr-auto">
          {missingAudience}
        </Text>
      )}
      <div className="flex shrink-0 items-center gap-x-2">
        {actions.map((action) => (
          <Button
            key={action.to}
            size="small"
            variant="secondary"
            disabled={transition.isPending || blocked(action)}
            aria-describedby={blocked(action) ? reasonId : undefined}
            isLoading={transition.isPending && transition.variables === action.to}
            onClick={() => run(action)}
          >
            {action.label}
          </Button>
        ))}
        {sendsNow && <SendNowButton campaign={campaign} blockedBy={missingAudience ? reasonId : undefined} />}
      </div>
    </div>
  )
}
