import { createDataTableFilterHelper } from "@medusajs/ui"
import { ConsentStatus, ContactSource } from "../../../types/audience"
import { CONSENT_STATUSES, CONTACT_SOURCES } from "../../lib/contact-display"
import { toOptions } from "../../lib/options"
import type { AdminContact } from "../../types/contacts"
import { dateRangeFilterProps } from "../common/date-range-filter"
import { dateRangeFilter, multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminContact>()

const consentOptions = Object.entries(CONSENT_STATUSES).map(([value, { label }]) => ({ value, label }))

/** The contact table's filters; call when the table mounts, for the date presets to count from today. */
export const contactTableFilters = () => [
  filterHelper.accessor("email_consent", {
    type: "multiselect",
    label: "Email consent",
    options: consentOptions,
    searchable: false,
  }),
  filterHelper.accessor("sms_consent", {
    type: "multiselect",
    label: "SMS consent",
    options: consentOptions,
    searchable: false,
  }),
  filterHelper.accessor("source", {
    type: "multiselect",
    label: "Source",
    options: toOptions(CONTACT_SOURCES),
    searchable: false,
  }),
  filterHelper.accessor("created_at", dateRangeFilterProps("Added")),
]

/** How the filters above live in the URL and reach the API. */
export const contactUrlFilters = {
  email_consent: multiselectFilter(Object.values(ConsentStatus)),
  sms_consent: multiselectFilter(Object.values(ConsentStatus)),
  source: multiselectFilter(Object.values(ContactSource)),
  created_at: dateRangeFilter(),
}
