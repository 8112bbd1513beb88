import { Button, Container, createDataTableColumnHelper, createDataTableFilterHelper, StatusBadge } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCreateWebhookEndpoint, useWebhookEndpoints } from "../../hooks/webhooks"
import { formatDate } from "../../lib/format"
import { toOptions } from "../../lib/options"
import { webhookEndpointPath } from "../../lib/paths"
import { WEBHOOK_EVENTS } from "../../lib/webhook-display"
import type { AdminWebhookEndpoint } from "../../types/webhooks"
import { dateSorting } from "../common/column-sorting"
import { ListTable } from "../common/list-table"
import { singleFilter } from "../common/url-filters"
import { useResourceTable } from "../common/use-resource-table"
import { WebhookEndpointDrawer } from "./webhook-endpoint-drawer"
import { WebhookSecretDrawer } from "./webhook-secret-drawer"

const columnHelper = createDataTableColumnHelper<AdminWebhookEndpoint>()

const columns = [
  columnHelper.accessor("url", { header: "URL", cell: ({ getValue }) => <code className="font-mono">{getValue()}</code> }),
  columnHelper.accessor("events", {
    header: "Events",
    cell: ({ getValue }) => getValue().map((type) => WEBHOOK_EVENTS[type] ?? type).join(", "),
  }),
  columnHelper.accessor("enabled", {
    header: "Status",
    cell: ({ getValue }) => (getValue() ? <StatusBadge color="green">Enabled</StatusBadge> : <StatusBadge color="grey">Disabled</StatusBadge>),
  }),
  columnHelper.accessor("created_at", { header: "Added", cell: ({ getValue }) => formatDate(getValue()), ...dateSorting("Added") }),
]

const ENABLED = { true: "Enabled", false: "Disabled" }
const filters = [
  createDataTableFilterHelper<AdminWebhookEndpoint>().accessor("enabled", {
    type: "radio",
    label: "Status",
    options: toOptions(ENABLED),
  }),
]
const urlFilters = { enabled: singleFilter(["true", "false"] as const) }

/** The store's endpoints; adding one shows its secret once, then opens its page. */
export const WebhookEndpointListTable = () => {
  const [isAdding, setIsAdding] = useState(false)
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null)
  const navigate = useNavigate()
  const create = useCreateWebhookEndpoint()
  const table = useResourceTable({
    useList: useWebhookEndpoints,
    rows: (response) => ({ rows: response.webhook_endpoints, count: response.count }),
    columns,
    filters,
    urlFilters,
    rowPath: webhookEndpointPath,
    searchable: false,
  })

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Webhooks"
        description="HTTPS endpoints that receive marketing events as they happen, signed with their own secret."
        actions={
          <Button size="small" variant="secondary" onClick={() => setIsAdding(true)}>
            Add endpoint
          </Button>
        }
        emptyState={{
          empty: { heading: "No endpoints", description: "Add an endpoint to receive opens, clicks, redemptions and more." },
          filtered: { heading: "No matching endpoints", description: "Remove the filter." },
        }}
      />
      <WebhookEndpointDrawer
        open={isAdding}
        onOpenChange={setIsAdding}
        isSubmitting={create.isPending}
        submit={(payload, handlers) =>
          create.mutate(payload, {
            onSuccess: ({ webhook_endpoint }) => {
              handlers.onSuccess()
              setCreated({ id: webhook_endpoint.id, secret: webhook_endpoint.secret })
            },
            onError: handlers.onError,
          })
        }
      />
      <WebhookSecretDrawer
        secret={created?.secret ?? null}
        onClose={() => {
          if (created) navigate(webhookEndpointPath(created.id))
          setCreated(null)
        }}
      />
    </Container>
  )
}
