import type { PromotionStatus } from "../../types/promotion/module"
import type { AdminPromotion } from "../types/promotions"

export interface PromotionAction {
  to: PromotionStatus
  label: string
  /** Set where shoppers lose the offer for good, so the button asks first. */
  confirmation?: (promotionName: string) => string
}

const END: PromotionAction = {
  to: "ended",
  label: "End",
  confirmation: (name) => `"${name}" stops applying to carts. Carts that hold it keep it until checkout or release.`,
}

// A status change is a plain update, and the server takes any; these are the moves that make sense to
// a person, the way forward last, where Medusa puts a section's main action.
const ACTIONS: Record<PromotionStatus, PromotionAction[]> = {
  draft: [{ to: "active", label: "Activate" }],
  active: [END, { to: "paused", label: "Pause" }],
  paused: [END, { to: "active", label: "Resume" }],
  ended: [],
}

export const promotionActions = (promotion: Pick<AdminPromotion, "status">) => ACTIONS[promotion.status]

/** Codes are generated only for promotions that hand out single-use codes. */
export const hasGeneratedCodes = (promotion: Pick<AdminPromotion, "code_mode">) => promotion.code_mode === "unique"
