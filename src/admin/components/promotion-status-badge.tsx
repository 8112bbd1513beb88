import { StatusBadge } from "@medusajs/ui"
import type { PromotionStatus } from "../../types/promotion/module"
import { PROMOTION_STATUSES } from "../lib/promotion-display"

export const PromotionStatusBadge = ({ status }: { status: PromotionStatus }) => {
  const { label, color } = PROMOTION_STATUSES[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
