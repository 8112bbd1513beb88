import { createDataTableFilterHelper } from "@medusajs/ui"
import { ConsentChannel } from "../../../types/audience"
import { CONSENT_CHANNELS, SUPPRESSION_REASONS } from "../../lib/contact-display"
import { toOptions } from "../../lib/options"
import type { AdminSuppression, SuppressionReason } from "../../types/contacts"
import { singleFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminSuppression>()

// Radio filters: the API takes one channel and one reason at a time.
export const suppressionTableFilters = [
  filterHelper.accessor("channel", { type: "radio", label: "Channel", options: toOptions(CONSENT_CHANNELS) }),
  filterHelper.accessor("reason", { type: "radio", label: "Reason", options: toOptions(SUPPRESSION_REASONS) }),
]

/** How the filters above live in the URL and reach the API. */
export const suppressionUrlFilters = {
  channel: singleFilter(Object.values(ConsentChannel)),
  reason: singleFilter(Object.keys(SUPPRESSION_REASONS) as SuppressionReason[]),
}
