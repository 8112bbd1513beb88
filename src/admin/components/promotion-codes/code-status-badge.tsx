import { StatusBadge } from "@medusajs/ui"
import type { PromotionCodeStatus } from "../../../types/promotion/module"
import { CODE_STATUSES } from "../../lib/promotion-display"

export const CodeStatusBadge = ({ status }: { status: PromotionCodeStatus }) => {
  const { label, color } = CODE_STATUSES[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
