import { createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { AuditActorType } from "../../../types/audit"
import { useAdminUsers } from "../../hooks/users"
import { AUDIT_ACTIONS, AUDIT_ACTOR_TYPES, AUDIT_RESOURCE_TYPES } from "../../lib/audit-display"
import { toOptions } from "../../lib/options"
import type { AdminAuditEntry } from "../../types/audit"
import { dateRangeFilterProps } from "../common/date-range-filter"
import { dateRangeFilter, multiselectFilter } from "../common/url-filters"

const filterHelper = createDataTableFilterHelper<AdminAuditEntry>()

/** The audit log's filters; the admin users are the actor filter's options. */
export function useAuditTableFilters() {
  const { data } = useAdminUsers()
  const users = data?.users
  return useMemo(
    () => [
      filterHelper.accessor("actor_id", {
        type: "multiselect",
        label: "User",
        options: (users ?? []).map((user) => ({ value: user.id, label: user.email })),
      }),
      filterHelper.accessor("actor_type", {
        type: "multiselect",
        label: "Actor type",
        options: toOptions(AUDIT_ACTOR_TYPES),
        searchable: false,
      }),
      filterHelper.accessor("resource_type", {
        type: "multiselect",
        label: "Resource",
        options: Object.entries(AUDIT_RESOURCE_TYPES).map(([value, { label }]) => ({ value, label })),
        searchable: false,
      }),
      filterHelper.accessor("action", {
        type: "multiselect",
        label: "Action",
        options: toOptions(AUDIT_ACTIONS),
        searchable: false,
      }),
      filterHelper.accessor("created_at", dateRangeFilterProps("Date")),
    ],
    [users]
  )
}

/** How the filters above live in the URL and reach the API. */
export const auditUrlFilters = {
  actor_id: multiselectFilter(),
  actor_type: multiselectFilter(Object.values(AuditActorType)),
  resource_type: multiselectFilter(Object.keys(AUDIT_RESOURCE_TYPES)),
  action: multiselectFilter(Object.keys(AUDIT_ACTIONS)),
  created_at: dateRangeFilter(),
}
