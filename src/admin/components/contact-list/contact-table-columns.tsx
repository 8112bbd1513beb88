import { createDataTableColumnHelper } from "@medusajs/ui"
import { CONTACT_SOURCES } from "../../lib/contact-display"
import { formatDate, formatNumber } from "../../lib/format"
import type { AdminContact } from "../../types/contacts"
import { ConsentBadge } from "../consent-badge"
import { ContactMoney } from "../contact-summary/contact-money"

const columnHelper = createDataTableColumnHelper<AdminContact>()

// Column ids are the API's field names, so a column's sorting becomes the `order` query as it is.
export const contactTableColumns = [
  columnHelper.accessor("email", {
    header: "Email",
    cell: ({ row }) => row.original.email ?? row.original.phone ?? "-",
    enableSorting: true,
    sortLabel: "Email",
    sortAscLabel: "A-Z",
    sortDescLabel: "Z-A",
  }),
  columnHelper.accessor("first_name", {
    header: "Name",
    cell: ({ row }) => [row.original.first_name, row.original.last_name].filter(Boolean).join(" ") || "-",
  }),
  columnHelper.accessor("email_consent", {
    header: "Email consent",
    cell: ({ getValue }) => <ConsentBadge status={getValue()} />,
  }),
  columnHelper.accessor("sms_consent", {
    header: "SMS consent",
    cell: ({ getValue }) => <ConsentBadge status={getValue()} />,
  }),
  columnHelper.accessor("source", {
    header: "Source",
    cell: ({ getValue }) => CONTACT_SOURCES[getValue()] ?? getValue(),
  }),
  columnHelper.accessor("country_code", {
    header: "Country",
    cell: ({ getValue }) => getValue()?.toUpperCase() ?? "-",
    size: 90,
  }),
  columnHelper.accessor("orders_count", {
    header: "Orders",
    cell: ({ getValue }) => formatNumber(getValue()),
    align: "right",
    size: 90,
    enableSorting: true,
    sortLabel: "Orders",
    sortAscLabel: "Fewest first",
    sortDescLabel: "Most first",
  }),
  columnHelper.accessor("total_spent", {
    header: "Total spent",
    cell: ({ getValue }) => <ContactMoney amount={getValue()} />,
    align: "right",
    enableSorting: true,
    sortLabel: "Total spent",
    sortAscLabel: "Lowest first",
    sortDescLabel: "Highest first",
  }),
  columnHelper.accessor("last_order_at", {
    header: "Last order",
    cell: ({ getValue }) => {
      const date = getValue()
      return date ? formatDate(date) : "-"
    },
    enableSorting: true,
    sortLabel: "Last order",
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
  }),
]
