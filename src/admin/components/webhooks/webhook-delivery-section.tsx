import { ArrowPath } from "@medusajs/icons"
import { createDataTableColumnHelper, createDataTableFilterHelper, StatusBadge, toast } from "@medusajs/ui"
import type { WebhookDeliveryStatus, WebhookEventType } from "../../../types/webhook"
import { useResendWebhookDelivery, useWebhookDeliveries } from "../../hooks/webhooks"
import { formatDateTime } from "../../lib/format"
import { toOptions, labelsOf } from "../../lib/options"
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "../../lib/webhook-display"
import type { AdminWebhookDelivery } from "../../types/webhooks"
import { dateSorting } from "../common/column-sorting"
import { ResourceTableSection } from "../common/resource-table-section"
import { multiselectFilter } from "../common/url-filters"

const columnHelper = createDataTableColumnHelper<AdminWebhookDelivery>()
const filterHelper = createDataTableFilterHelper<AdminWebhookDelivery>()

const filters = [
  filterHelper.accessor("status", { type: "multiselect", label: "Status", options: toOptions(labelsOf(WEBHOOK_DELIVERY_STATUSES)) }),
  filterHelper.accessor("event_type", { type: "multiselect", label: "Event", options: toOptions(WEBHOOK_EVENTS) }),
]

const urlFilters = {
  status: multiselectFilter(Object.keys(WEBHOOK_DELIVERY_STATUSES) as WebhookDeliveryStatus[]),
  event_type: multiselectFilter(Object.keys(WEBHOOK_EVENTS) as WebhookEventType[]),
}

/** What the endpoint last answered: its status, or why it never answered. */
const lastResponse = (delivery: AdminWebhookDelivery) => {
  if (delivery.last_response_status !== null && delivery.status === "delivered") return `HTTP ${delivery.last_response_status}`
  return delivery.last_error ?? (delivery.last_response_status !== null ? `HTTP ${delivery.last_response_status}` : "-")
}

const columnsOf = (resend: (delivery: AdminWebhookDelivery) => void) => [
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => {
      const { label, color } = WEBHOOK_DELIVERY_STATUSES[getValue()]
      return <StatusBadge color={color}>{label}</StatusBadge>
    },
  }),
  columnHelper.accessor("event_type", { header: "Event", cell: ({ getValue }) => WEBHOOK_EVENTS[getValue()] ?? getValue() }),
  columnHelper.accessor("attempts", { header: "Attempts" }),
  columnHelper.display({ id: "response", header: "Last response", cell: ({ row }) => lastResponse(row.original) }),
  columnHelper.accessor("next_attempt_at", {
    header: "Next attempt",
    cell: ({ row }) => (row.original.status === "pending" && row.original.next_attempt_at ? formatDateTime(row.original.next_attempt_at) : "-"),
  }),
  columnHelper.accessor("created_at", { header: "Queued", cell: ({ getValue }) => formatDateTime(getValue()), ...dateSorting("Queued") }),
  columnHelper.action({
    actions: ({ row }) => [
      { label: "Resend", icon: <ArrowPath />, onClick: () => resend(row.original), disabled: row.original.status === "sending" },
    ],
  }),
]

/** The endpoint's delivery log: every event queued for it, with its attempts and the last answer; any can be resent. */
export const WebhookDeliverySection = ({ endpointId }: { endpointId: string }) => {
  const resend = useResendWebhookDelivery(endpointId)
  const onResend = (delivery: AdminWebhookDelivery) =>
    resend.mutate(delivery.id, {
      onSuccess: () => toast.success(`${WEBHOOK_EVENTS[delivery.event_type] ?? delivery.event_type} will be sent again`),
      onError: (error) => toast.error("Could not resend", { description: error.message }),
    })
  return (
    <ResourceTableSection
      heading="Deliveries"
      description="Each event sent to this endpoint: failed attempts are retried with backoff, then the delivery fails."
      table={{
        useList: useWebhookDeliveries(endpointId),
        rows: (response) => ({ rows: response.webhook_deliveries, count: response.count }),
        columns: columnsOf(onResend),
        filters,
        urlFilters,
        prefix: "deliveries",
        searchable: false,
      }}
      emptyState={{
        empty: { heading: "No deliveries yet", description: "Events this endpoint subscribes to show here as they happen." },
        filtered: { heading: "No matching deliveries", description: "Remove some filters." },
      }}
    />
  )
}
