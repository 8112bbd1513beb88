import { defineRouteConfig } from "@medusajs/admin-sdk"
import { SuppressionListTable } from "../../../components/suppression-list/suppression-list-table"

const SuppressionsPage = () => <SuppressionListTable />

export const config = defineRouteConfig({
  label: "Suppressions",
  rank: 5,
})

export const handle = {
  breadcrumb: () => "Suppression list",
}

export default SuppressionsPage
