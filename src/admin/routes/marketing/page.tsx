import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Navigate } from "react-router-dom"
import { DASHBOARD_PATH } from "../../lib/paths"

// "Marketing" groups the plugin's pages in the sidebar; the dashboard is its first page.
const MarketingPage = () => <Navigate to={DASHBOARD_PATH} replace />

export const config = defineRouteConfig({
  label: "Marketing",
  icon: PaperPlane,
})

export default MarketingPage
