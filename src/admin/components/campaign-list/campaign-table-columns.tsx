import { createDataTableColumnHelper } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/http/campaign"
import { CAMPAIGN_CHANNELS } from "../../lib/campaign-display"
import { formatBudget, formatDate, formatSchedule } from "../../lib/format"
import { CampaignStatusBadge } from "../campaign-status-badge"

const columnHelper = createDataTableColumnHelper<AdminCampaign>()

// Column ids are the API's field names, so a column's sorting becomes the `order` query as it is.
export const campaignTableColumns = [
  columnHelper.accessor("name", {
    header: "Name",
    enableSorting: true,
    sortLabel: "Name",
    sortAscLabel: "A-Z",
    sortDescLabel: "Z-A",
  }),
  columnHelper.accessor("channel", {
    header: "Channel",
    cell: ({ getValue }) => CAMPAIGN_CHANNELS[getValue()],
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <CampaignStatusBadge status={getValue()} />,
  }),
  columnHelper.accessor("scheduled_at", {
    header: "Schedule",
    cell: ({ row }) => formatSchedule(row.original) ?? "-",
    enableSorting: true,
    sortLabel: "Send time",
    sortAscLabel: "Earliest first",
    sortDescLabel: "Latest first",
  }),
  columnHelper.accessor("budget_amount", {
    header: "Budget",
    cell: ({ row }) => formatBudget(row.original) ?? "-",
    enableSorting: true,
    sortLabel: "Budget",
    sortAscLabel: "Lowest first",
    sortDescLabel: "Highest first",
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
