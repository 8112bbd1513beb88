import { createDataTableColumnHelper } from "@medusajs/ui"
import { offerSummary, usageSummary, windowSummary } from "../../lib/promotion-display"
import type { AdminPromotion } from "../../types/promotions"
import { alphabeticalSorting, dateSorting } from "../common/column-sorting"
import { PromotionStatusBadge } from "../promotion-status-badge"
import { RedemptionLabel } from "../promotion-summary/redemption-label"

const columnHelper = createDataTableColumnHelper<AdminPromotion>()

// Column ids are the API's field names, so a column's sorting becomes the `order` query as it is.
export const promotionTableColumns = [
  columnHelper.accessor("name", { header: "Name", ...alphabeticalSorting("Name") }),
  columnHelper.accessor("type", {
    header: "Offer",
    cell: ({ row }) => offerSummary(row.original),
  }),
  columnHelper.accessor("code", {
    header: "Code",
    cell: ({ row }) => <RedemptionLabel promotion={row.original} />,
  }),
  columnHelper.accessor("starts_at", {
    header: "Window",
    cell: ({ row }) => windowSummary(row.original) ?? "Always",
    ...dateSorting("Start"),
  }),
  columnHelper.accessor("used_count", {
    header: "Used",
    cell: ({ row }) => usageSummary(row.original),
    enableSorting: true,
    sortLabel: "Uses",
    sortAscLabel: "Fewest first",
    sortDescLabel: "Most first",
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ row }) => <PromotionStatusBadge promotion={row.original} />,
  }),
]
