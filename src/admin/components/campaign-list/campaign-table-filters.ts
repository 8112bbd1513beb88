import { createDataTableFilterHelper } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/http/campaign"
import { CampaignChannel, CampaignStatus } from "../../../types/campaign/module"
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES } from "../../lib/campaign-display"
import { toOptions } from "../../lib/options"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminCampaign>()

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

/** How the filters above live in the URL and reach the API. */
export const campaignUrlFilters = {
  status: multiselectFilter(Object.values(CampaignStatus)),
  channel: multiselectFilter(Object.values(CampaignChannel)),
}
