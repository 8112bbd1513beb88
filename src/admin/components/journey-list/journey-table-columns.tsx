import { createDataTableColumnHelper } from "@medusajs/ui"
import type { TriggerKind } from "../../../modules/automation/lib/journey-schema"
import type { AdminJourneyRow } from "../../hooks/journeys"
import { formatDate, formatNumber } from "../../lib/format"
import { TRIGGER_KINDS } from "../../lib/journey-display"
import { JourneyStatusBadge } from "../journey-status-badge"

const columnHelper = createDataTableColumnHelper<AdminJourneyRow>()

/** A count of the journey's enrollments, once its figures have loaded. */
const figure = (key: "enrolled" | "running" | "converted", header: string) =>
  columnHelper.accessor((row) => row.figures?.[key] ?? null, {
    id: key,
    header,
    cell: ({ getValue }) => {
      const value = getValue()
      return value === null ? "—" : formatNumber(value)
    },
  })

// Column ids are the API's field names, so a column's sorting becomes the `order` query as it is.
export const journeyTableColumns = [
  columnHelper.accessor("name", {
    header: "Name",
    enableSorting: true,
    sortLabel: "Name",
    sortAscLabel: "A-Z",
    sortDescLabel: "Z-A",
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <JourneyStatusBadge status={getValue()} />,
  }),
  columnHelper.accessor((row) => row.versions?.find((v) => v.id === row.live_version_id)?.number ?? null, {
    id: "version",
    header: "Live version",
    cell: ({ getValue }) => {
      const number = getValue()
      return number === null ? "—" : `v${number}`
    },
  }),
  columnHelper.accessor("trigger_kind", {
    header: "Trigger",
    cell: ({ getValue }) => {
      const kind = getValue() as TriggerKind | null
      return kind ? TRIGGER_KINDS[kind] ?? kind : "—"
    },
  }),
  figure("enrolled", "Enrolled"),
  figure("running", "Active"),
  figure("converted", "Converted"),
  columnHelper.accessor("updated_at", {
    header: "Updated",
    cell: ({ getValue }) => formatDate(getValue()),
    enableSorting: true,
    sortLabel: "Updated",
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
  }),
]
