import { Trash } from "@medusajs/icons"
import { createDataTableColumnHelper } from "@medusajs/ui"
import { CONSENT_CHANNELS, SUPPRESSION_REASONS } from "../../lib/contact-display"
import { formatDate } from "../../lib/format"
import type { AdminSuppression } from "../../types/contacts"

const columnHelper = createDataTableColumnHelper<AdminSuppression>()

export const suppressionTableColumns = (onRemove: (suppression: AdminSuppression) => void) => [
  columnHelper.accessor("address", { header: "Address" }),
  columnHelper.accessor("channel", {
    header: "Channel",
    cell: ({ getValue }) => CONSENT_CHANNELS[getValue()],
  }),
  columnHelper.accessor("reason", {
    header: "Reason",
    cell: ({ getValue }) => SUPPRESSION_REASONS[getValue()] ?? getValue(),
  }),
  columnHelper.accessor("note", {
    header: "Note",
    cell: ({ getValue }) => getValue() || "-",
  }),
  columnHelper.accessor("created_at", {
    header: "Added",
    cell: ({ getValue }) => formatDate(getValue()),
    enableSorting: true,
    sortLabel: "Added",
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
  }),
  columnHelper.action({
    actions: ({ row }) => [{ label: "Remove", icon: <Trash />, onClick: () => onRemove(row.original) }],
  }),
]
