import { createDataTableColumnHelper, Tooltip } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { contactPath } from "../../lib/paths"
import type { AdminPromotionCode } from "../../types/promotions"
import { alphabeticalSorting } from "../common/column-sorting"
import { CodeStatusBadge } from "./code-status-badge"
import { VoidCodeButton } from "./void-code-button"

const columnHelper = createDataTableColumnHelper<AdminPromotionCode>()

/** A long value cut to its column, whole in a tooltip: the table must fit the page's main column. */
const Truncated = ({ text, full = text }: { text: string; full?: string }) => (
  <Tooltip content={full}>
    <span className="block max-w-[160px] truncate">{text}</span>
  </Tooltip>
)

/**
 * The columns of a promotion's codes, in code order: a code is looked up by its start, which the
 * search finds. Batches show by their label, which `batchLabel` gives, and say when a code was made. The
 * last column voids a code nobody holds yet.
 */
export const codeTableColumns = (promotionId: string, batchLabel: (batchId: string) => string | undefined) => [
  columnHelper.accessor("code", {
    header: "Code",
    cell: ({ getValue }) => <code className="whitespace-nowrap font-mono">{getValue()}</code>,
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
          <Truncated text={contactId} />
        </Link>
      ) : (
        "Anyone"
      )
    },
  }),
  columnHelper.accessor("batch_id", {
    header: "Batch",
    cell: ({ getValue }) => <Truncated text={batchLabel(getValue()) ?? getValue()} full={getValue()} />,
  }),
  columnHelper.display({
    id: "actions",
    cell: ({ row }) =>
      row.original.status === "available" ? <VoidCodeButton promotionId={promotionId} code={row.original} /> : null,
  }),
]
