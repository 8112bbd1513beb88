import { createDataTableFilterHelper } from "@medusajs/ui"
import { PromotionCodeStatus } from "../../../types/promotion/module"
import { labelsOf, toOptions } from "../../lib/options"
import { CODE_STATUSES } from "../../lib/promotion-display"
import type { AdminPromotionCode } from "../../types/promotions"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminPromotionCode>()

export const codeTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: toOptions(labelsOf(CODE_STATUSES)),
    searchable: false,
  }),
]

/** How the filters above live in the URL and reach the API. */
export const codeUrlFilters = {
  status: multiselectFilter(Object.values(PromotionCodeStatus)),
}
