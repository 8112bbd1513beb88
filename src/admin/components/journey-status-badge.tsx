import { StatusBadge } from "@medusajs/ui"
import type { JourneyStatus } from "../../types/automation"
import { JOURNEY_STATUSES } from "../lib/journey-display"

export const JourneyStatusBadge = ({ status }: { status: JourneyStatus }) => {
  const { label, color } = JOURNEY_STATUSES[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
