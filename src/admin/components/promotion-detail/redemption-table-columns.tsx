import { createDataTableColumnHelper, StatusBadge } from "@medusajs/ui"
import { formatAmount, formatDateTime } from "../../lib/format"
import { REDEMPTION_STATUSES, RELEASE_REASONS } from "../../lib/promotion-display"
import type { AdminRedemption } from "../../types/promotions"
import { dateSorting } from "../common/column-sorting"

const columnHelper = createDataTableColumnHelper<AdminRedemption>()

/** The discount that counts: the order's once redeemed, the estimate while a cart holds it. */
const discount = (redemption: AdminRedemption) =>
  formatAmount(redemption.discount_amount ?? redemption.estimated_discount, redemption.currency_code)

/** When the line last moved, and why it was given back. */
const lastChange = (redemption: AdminRedemption) => {
  if (redemption.released_at) {
    const reason = redemption.release_reason ? `: ${RELEASE_REASONS[redemption.release_reason]}` : ""
    return `${formatDateTime(redemption.released_at)}${reason}`
  }
  return redemption.redeemed_at ? formatDateTime(redemption.redeemed_at) : "-"
}

export const redemptionTableColumns = [
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => {
      const { label, color } = REDEMPTION_STATUSES[getValue()]
      return <StatusBadge color={color}>{label}</StatusBadge>
    },
  }),
  columnHelper.accessor("code", {
    header: "Code",
    cell: ({ getValue }) => {
      const code = getValue()
      return code ? <code className="font-mono">{code}</code> : "Automatic"
    },
  }),
  columnHelper.accessor("order_id", {
    header: "Cart or order",
    cell: ({ row }) => row.original.order_id ?? row.original.cart_id,
  }),
  columnHelper.accessor("estimated_discount", {
    header: "Discount",
    cell: ({ row }) => discount(row.original),
  }),
  columnHelper.accessor("reserved_at", {
    header: "Reserved",
    cell: ({ getValue }) => formatDateTime(getValue()),
    ...dateSorting("Reserved"),
  }),
  columnHelper.display({
    id: "last_change",
    header: "Redeemed or released",
    cell: ({ row }) => lastChange(row.original),
  }),
]
