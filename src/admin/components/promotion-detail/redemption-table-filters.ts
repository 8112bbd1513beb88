import { createDataTableFilterHelper } from "@medusajs/ui"
import { RedemptionStatus } from "../../../types/promotion/module"
import { labelsOf, toOptions } from "../../lib/options"
import { REDEMPTION_STATUSES } from "../../lib/promotion-display"
import type { AdminRedemption } from "../../types/promotions"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminRedemption>()

export const redemptionTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: toOptions(labelsOf(REDEMPTION_STATUSES)),
    searchable: false,
  }),
]

/** How the filters above live in the URL and reach the API. */
export const redemptionUrlFilters = {
  status: multiselectFilter(Object.values(RedemptionStatus)),
}
