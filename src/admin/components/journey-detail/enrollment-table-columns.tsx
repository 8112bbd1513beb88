import { createDataTableColumnHelper, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import type { AdminJourneyEnrollmentRow } from "../../hooks/journeys"
import { contactName } from "../../lib/contact-display"
import { formatAmount, formatDateTime } from "../../lib/format"
import { ENROLLMENT_STATES } from "../../lib/journey-display"
import { contactPath } from "../../lib/paths"
import { dateSorting } from "../common/column-sorting"

const columnHelper = createDataTableColumnHelper<AdminJourneyEnrollmentRow>()

/** The enrollments table's columns; `stepName` names a step of the version the enrollment runs on. */
export const enrollmentTableColumns = (stepName: (versionId: string, stepId: string) => string) => [
  columnHelper.accessor("contact_id", {
    header: "Contact",
    cell: ({ row }) => {
      const { contact, contact_id } = row.original
      return (
        <Link to={contactPath(contact_id)} className="text-ui-fg-interactive hover:underline">
          {contact?.email ?? (contact && contactName(contact)) ?? contact_id}
        </Link>
      )
    },
  }),
  columnHelper.accessor("state", {
    header: "State",
    cell: ({ row }) => {
      const { label, color } = ENROLLMENT_STATES[row.original.state]
      return (
        <div className="flex flex-col">
          <StatusBadge color={color}>{label}</StatusBadge>
          {row.original.last_error && (
            <Text size="xsmall" className="text-ui-fg-error">
              {row.original.last_error}
            </Text>
          )}
        </div>
      )
    },
  }),
  columnHelper.accessor("step_id", {
    header: "Current step",
    cell: ({ row }) => (row.original.step_id ? stepName(row.original.version_id, row.original.step_id) : "-"),
  }),
  columnHelper.accessor("entered_at", {
    header: "Entered",
    cell: ({ getValue }) => formatDateTime(getValue()),
    ...dateSorting("Entered"),
  }),
  columnHelper.accessor("ended_at", {
    header: "Ended",
    cell: ({ getValue }) => {
      const ended = getValue()
      return ended ? formatDateTime(ended) : "-"
    },
  }),
  columnHelper.accessor("revenue", {
    header: "Converted",
    cell: ({ row }) => {
      const { state, revenue, currency_code } = row.original
      if (state !== "converted") return "-"
      return revenue == null ? "Yes" : formatAmount(Number(revenue), currency_code)
    },
  }),
]
