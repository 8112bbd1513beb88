import { Button, toast, usePrompt } from "@medusajs/ui"
import { useSetPromotionStatus } from "../../hooks/promotions"
import { PROMOTION_STATUSES } from "../../lib/promotion-display"
import { PromotionAction, promotionActions } from "../../lib/promotion-lifecycle"
import type { AdminPromotion } from "../../types/promotions"

/** A button per status change that makes sense now; ending asks for confirmation first. */
export const PromotionLifecycleActions = ({ promotion }: { promotion: AdminPromotion }) => {
  const prompt = usePrompt()
  const setStatus = useSetPromotionStatus(promotion.id)
  const actions = promotionActions(promotion)

  if (!actions.length) {
    return null
  }

  const run = async ({ to, label, confirmation }: PromotionAction) => {
    if (confirmation) {
      const confirmed = await prompt({
        title: `${label} promotion?`,
        description: confirmation(promotion.name),
        confirmText: label,
        cancelText: "Back",
      })
      if (!confirmed) return
    }
    setStatus.mutate(to, {
      onSuccess: () => toast.success(`Promotion is now ${PROMOTION_STATUSES[to].label.toLowerCase()}`),
      // The server says what stands in the way, e.g. terms another admin changed meanwhile.
      onError: (error) => toast.error(`Could not ${label.toLowerCase()} the promotion`, { description: error.message }),
    })
  }

  return (
    <div className="flex items-center justify-end gap-x-2 px-6 py-4">
      {actions.map((action, index) => (
        <Button
          key={action.to}
          size="small"
          // The way forward is last, and the section's main action.
          variant={index === actions.length - 1 ? "primary" : "secondary"}
          disabled={setStatus.isPending}
          isLoading={setStatus.isPending && setStatus.variables === action.to}
          onClick={() => run(action)}
        >
          {action.label}
        </Button>
      ))}
    </div>
  )
}
