import { Badge, clx, createDataTableColumnHelper, Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import type { AdminMessage } from "../../types/messages"
import { alphabeticalSorting, dateSorting } from "../common/column-sorting"
import { MessageStatusBadge } from "./message-status-badge"

const columnHelper = createDataTableColumnHelper<AdminMessage>()

/** The status, and for a message that did not make it (or is being retried) the provider's reason. */
const StatusCell = ({ message }: { message: AdminMessage }) => (
  <div className="flex flex-col items-start gap-y-1 py-2">
    <MessageStatusBadge status={message.status} />
    {message.error && (
      <Text
        size="xsmall"
        leading="compact"
        title={message.error}
        className={clx(
          "line-clamp-2 whitespace-normal",
          message.status === "failed" || message.status === "bounced" ? "text-ui-fg-error" : "text-ui-fg-subtle"
        )}
      >
        {message.error}
      </Text>
    )}
  </div>
)

/** What the contact did with the message; each counted once, at the first time. */
const ENGAGEMENT = [
  { field: "opened_at", label: "Opened", color: "blue" },
  { field: "clicked_at", label: "Clicked", color: "green" },
  { field: "unsubscribed_at", label: "Unsubscribed", color: "orange" },
] as const

const EngagementCell = ({ message }: { message: AdminMessage }) => {
  const done = ENGAGEMENT.filter(({ field }) => message[field])
  if (!done.length) return "-"
  return (
    <div className="flex flex-wrap gap-1">
      {done.map(({ field, label, color }) => (
        <Badge key={field} size="2xsmall" color={color} title={formatDateTime(message[field]!)}>
          {label}
        </Badge>
      ))}
    </div>
  )
}

// Column ids are the API's field names, so a column's sorting becomes the `order` query as it is.
export const messageTableColumns = [
  columnHelper.accessor("to", {
    header: "Recipient",
    cell: ({ row }) => (
      <div className="flex items-center gap-x-2">
        <span className="truncate">{row.original.to}</span>
        {row.original.is_test && (
          <Badge size="2xsmall" color="purple">
            Test
          </Badge>
        )}
      </div>
    ),
    ...alphabeticalSorting("Recipient"),
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ row }) => <StatusCell message={row.original} />,
  }),
  columnHelper.accessor("attempts", { header: "Attempts", size: 100 }),
  columnHelper.accessor("sent_at", {
    header: "Sent",
    cell: ({ getValue }) => {
      const sentAt = getValue()
      return sentAt ? formatDateTime(sentAt) : "-"
    },
    ...dateSorting("Sent"),
  }),
  columnHelper.display({
    id: "engagement",
    header: "Engagement",
    cell: ({ row }) => <EngagementCell message={row.original} />,
  }),
]
