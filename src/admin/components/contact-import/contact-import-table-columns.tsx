import { createDataTableColumnHelper } from "@medusajs/ui"
import { formatDateTime, formatNumber } from "../../lib/format"
import type { AdminContactImport } from "../../types/contact-imports"
import { ContactImportStatusBadge } from "../contact-import-status-badge"

const columnHelper = createDataTableColumnHelper<AdminContactImport>()

const countColumn = (key: "created_count" | "updated_count" | "rejected_count", header: string) =>
  columnHelper.accessor(key, {
    header,
    cell: ({ getValue }) => formatNumber(getValue()),
    align: "right",
    size: 90,
  })

export const contactImportTableColumns = [
  columnHelper.accessor("filename", { header: "File" }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <ContactImportStatusBadge status={getValue()} />,
  }),
  countColumn("created_count", "Created"),
  countColumn("updated_count", "Updated"),
  countColumn("rejected_count", "Rejected"),
  columnHelper.accessor("created_at", {
    header: "Uploaded",
    cell: ({ getValue }) => formatDateTime(getValue()),
  }),
]
