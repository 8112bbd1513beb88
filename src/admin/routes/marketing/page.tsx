import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Navigate } from "react-router-dom"
import { CAMPAIGNS_PATH } from "../../lib/paths"

// "Marketing" groups the plugin's pages in the sidebar; campaigns are its first page.
const MarketingPage = () => <Navigate to={CAMPAIGNS_PATH} replace />

export const config = defineRouteConfig({
  label: "Marketing",
  icon: PaperPlane,
})

export default MarketingPage
