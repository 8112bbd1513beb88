import { createDataTableFilterHelper } from "@medusajs/ui"
import { JourneyStatus } from "../../../types/automation"
import type { AdminJourneyRow } from "../../hooks/journeys"
import { JOURNEY_STATUSES } from "../../lib/journey-display"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminJourneyRow>()

export const journeyTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: Object.entries(JOURNEY_STATUSES).map(([value, { label }]) => ({ value, label })),
    searchable: false,
  }),
]

/** How the filters above live in the URL and reach the API. */
export const journeyUrlFilters = {
  status: multiselectFilter(Object.values(JourneyStatus)),
}
