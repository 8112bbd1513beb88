import { createDataTableFilterHelper } from "@medusajs/ui"
import { PromotionCodeMode, PromotionStatus, PromotionType } from "../../../types/promotion/module"
import { labelsOf, toOptions } from "../../lib/options"
import { PROMOTION_CODE_MODES, PROMOTION_STATUSES, PROMOTION_TYPES } from "../../lib/promotion-display"
import type { AdminPromotion } from "../../types/promotions"
import { multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminPromotion>()

const multiselect = (label: string, labels: Record<string, string>) => ({
  type: "multiselect" as const,
  label,
  options: toOptions(labels),
  searchable: false,
})

export const promotionTableFilters = [
  filterHelper.accessor("status", multiselect("Status", labelsOf(PROMOTION_STATUSES))),
  filterHelper.accessor("type", multiselect("Type", labelsOf(PROMOTION_TYPES))),
  filterHelper.accessor("code_mode", multiselect("Redemption", labelsOf(PROMOTION_CODE_MODES))),
]

/** How the filters above live in the URL and reach the API. */
export const promotionUrlFilters = {
  status: multiselectFilter(Object.values(PromotionStatus)),
  type: multiselectFilter(Object.values(PromotionType)),
  code_mode: multiselectFilter(Object.values(PromotionCodeMode)),
}
