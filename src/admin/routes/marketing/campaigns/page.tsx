import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CampaignListTable } from "../../../components/campaign-list/campaign-list-table"

const CampaignsPage = () => <CampaignListTable />

export const config = defineRouteConfig({
  label: "Campaigns",
  rank: 1,
})

export const handle = {
  breadcrumb: () => "Campaigns",
}

export default CampaignsPage
