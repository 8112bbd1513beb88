import { defineRouteConfig } from "@medusajs/admin-sdk"
import { WebhookEndpointListTable } from "../../../components/webhooks/webhook-endpoint-list-table"

const WebhooksPage = () => <WebhookEndpointListTable />

export const config = defineRouteConfig({
  label: "Webhooks",
  rank: 5.5,
})

export const handle = {
  breadcrumb: () => "Webhooks",
}

export default WebhooksPage
