import type { AdminPromotion } from "../../types/promotions"
import type { DialogProps } from "../common/dialog-props"
import { FormDrawer } from "../common/form-drawer"
import { PromotionForm } from "./promotion-form"

interface PromotionFormDrawerProps extends DialogProps {
  /** The promotion to edit; without one, the drawer creates a draft. */
  promotion?: AdminPromotion
  onSaved?: (promotion: AdminPromotion) => void
}

export const PromotionFormDrawer = ({ promotion, onSaved, ...dialog }: PromotionFormDrawerProps) => (
  <FormDrawer
    {...dialog}
    title={promotion ? "Edit promotion" : "Create promotion"}
    description={promotion ? "Change the promotion's terms." : "Set up a new promotion as a draft."}
  >
    <PromotionForm
      promotion={promotion}
      onSaved={(saved) => {
        dialog.onOpenChange(false)
        onSaved?.(saved)
      }}
    />
  </FormDrawer>
)
