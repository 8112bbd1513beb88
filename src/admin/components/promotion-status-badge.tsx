import { StatusBadge } from "@medusajs/ui"
import type { AdminPromotion } from "../types/promotions"
import { PROMOTION_EXHAUSTIONS, PROMOTION_STATUSES } from "../lib/promotion-display"

/** The status, or — for an active promotion no new shopper can use — why it is exhausted. */
export const PromotionStatusBadge = ({ promotion }: { promotion: Pick<AdminPromotion, "status" | "exhausted_reason"> }) => {
  const exhausted = promotion.status === "active" && promotion.exhausted_reason
  const { label, color } = exhausted ? PROMOTION_EXHAUSTIONS[exhausted] : PROMOTION_STATUSES[promotion.status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
