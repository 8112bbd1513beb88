import { StatusBadge } from "@medusajs/ui"
import type { CampaignStatus } from "../../types/campaign/module"
import { CAMPAIGN_STATUSES } from "../lib/campaign-display"

export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => {
  const { label, color } = CAMPAIGN_STATUSES[status]
  return <StatusBadge color={color}>{label}</StatusBadge>
}
