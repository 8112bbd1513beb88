import { createDataTableFilterHelper } from "@medusajs/ui"
import { MessageStatus } from "../../../types/messaging"
import { MESSAGE_STATUS_LABELS } from "../../lib/message-display"
import { toOptions } from "../../lib/options"
import type { AdminMessage } from "../../types/messages"
import { multiselectFilter, singleFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminMessage>()

export const messageTableFilters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: toOptions(MESSAGE_STATUS_LABELS),
    searchable: false,
  }),
  // Test sends are in the log, but not in the campaign's numbers: this tells them apart.
  filterHelper.accessor("is_test", {
    type: "radio",
    label: "Kind",
    options: [
      { value: "false", label: "Campaign sends" },
      { value: "true", label: "Test sends" },
    ],
  }),
]

/** How the filters above live in the URL and reach the API. */
export const messageUrlFilters = {
  status: multiselectFilter(Object.values(MessageStatus)),
  is_test: singleFilter(["true", "false"] as const),
}
