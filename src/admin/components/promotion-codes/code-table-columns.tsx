import { createDataTableColumnHelper } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime } from "../../lib/format"
import { contactPath } from "../../lib/paths"
import type { AdminPromotionCode } from "../../types/promotions"
import { alphabeticalSorting } from "../common/column-sorting"
import { CodeStatusBadge } from "./code-status-badge"
import { VoidCodeButton } from "./void-code-button"

const columnHelper = createDataTableColumnHelper<AdminPromotionCode>()

/**
 * The columns of a promotion's codes, in code order: a code is looked up by its start, which the
 * search finds. The last column voids a code nobody holds yet.
 */
export const codeTableColumns = (promotionId: string) => [
  columnHelper.accessor("code", {
    header: "Code",
    cell: ({ getValue }) => <code className="font-mono">{getValue()}</code>,
    ...alphabeticalSorting("Code"),
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <CodeStatusBadge status={getValue()} />,
  }),
  columnHelper.accessor("contact_id", {
    header: "Assigned to",
    cell: ({ getValue }) => {
      const contactId = getValue()
      return contactId ? (
        <Link to={contactPath(contactId)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {contactId}
        </Link>
      ) : (
        "Anyone"
      )
    },
  }),
  columnHelper.accessor("batch_id", { header: "Batch" }),
  columnHelper.accessor("created_at", {
    header: "Created",
    cell: ({ getValue }) => formatDateTime(getValue()),
  }),
  columnHelper.display({
    id: "actions",
    cell: ({ row }) =>
      row.original.status === "available" ? <VoidCodeButton promotionId={promotionId} code={row.original} /> : null,
  }),
]
