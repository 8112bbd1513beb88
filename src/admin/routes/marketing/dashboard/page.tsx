import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AnalyticsDashboard } from "../../../components/analytics-dashboard/analytics-dashboard"

const DashboardPage = () => <AnalyticsDashboard />

export const config = defineRouteConfig({
  label: "Dashboard",
  // First: the overview of what the pages after it do.
  rank: 0,
})

export const handle = {
  breadcrumb: () => "Dashboard",
}

export default DashboardPage
