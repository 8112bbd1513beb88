import { createDataTableFilterHelper } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES } from "../../lib/campaign-display"

const filterHelper = createDataTableFilterHelper<AdminCampaign>()

const toOptions = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

const statusLabels = Object.fromEntries(
  Object.entries(CAMPAIGN_STATUSES).map(([status, { label }]) => [status, label])
)

export const campaignTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: toOptions(statusLabels),
    searchable: false,
  }),
  filterHelper.accessor("channel", {
    type: "multiselect",
    label: "Channel",
    options: toOptions(CAMPAIGN_CHANNELS),
    searchable: false,
  }),
]
