import { createDataTableColumnHelper } from "@medusajs/ui"
import { formatDate, formatNumber } from "../../lib/format"
import type { AdminSegment } from "../../types/segments"
import { SegmentKindBadge } from "../segment-kind-badge"

const columnHelper = createDataTableColumnHelper<AdminSegment>()

// Column ids are the API's field names, so a column's sorting becomes the `order` query as it is.
export const segmentTableColumns = [
  columnHelper.accessor("name", {
    header: "Name",
    enableSorting: true,
    sortLabel: "Name",
    sortAscLabel: "A-Z",
    sortDescLabel: "Z-A",
  }),
  columnHelper.accessor("handle", {
    header: "Handle",
    cell: ({ getValue }) => <span className="font-mono">{getValue()}</span>,
  }),
  columnHelper.accessor("kind", {
    header: "Kind",
    cell: ({ getValue }) => <SegmentKindBadge kind={getValue()} />,
  }),
  columnHelper.accessor("member_count", {
    header: "Members",
    // Counted for static segments at their snapshot; a live segment is counted on its page.
    cell: ({ getValue }) => {
      const count = getValue()
      return count == null ? "—" : formatNumber(count)
    },
  }),
  columnHelper.accessor("updated_at", {
    header: "Updated",
    cell: ({ getValue }) => formatDate(getValue()),
    enableSorting: true,
    sortLabel: "Updated",
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
  }),
]
