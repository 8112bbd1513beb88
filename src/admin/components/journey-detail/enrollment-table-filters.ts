import { createDataTableFilterHelper } from "@medusajs/ui"
import { EnrollmentState } from "../../../types/automation"
import type { AdminJourneyEnrollmentRow } from "../../hooks/journeys"
import { ENROLLMENT_STATES } from "../../lib/journey-display"
import { labelsOf, toOptions } from "../../lib/options"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminJourneyEnrollmentRow>()

export const enrollmentTableFilters = [
  filterHelper.accessor("state", {
    type: "multiselect",
    label: "State",
    options: toOptions(labelsOf(ENROLLMENT_STATES)),
    searchable: false,
  }),
]

/** How the filters above live in the URL and reach the API. */
export const enrollmentUrlFilters = {
  state: multiselectFilter(Object.values(EnrollmentState)),
}
