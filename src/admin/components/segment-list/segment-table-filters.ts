import { createDataTableFilterHelper } from "@medusajs/ui"
import { SegmentKind } from "../../../types/audience"
import { SEGMENT_KINDS } from "../../lib/segment-display"
import type { AdminSegment } from "../../types/segments"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminSegment>()

export const segmentTableFilters = [
  filterHelper.accessor("kind", {
    type: "multiselect",
    label: "Kind",
    options: Object.entries(SEGMENT_KINDS).map(([value, { label }]) => ({ value, label })),
    searchable: false,
  }),
]

/** How the filters above live in the URL and reach the API. */
export const segmentUrlFilters = {
  kind: multiselectFilter(Object.values(SegmentKind)),
}
