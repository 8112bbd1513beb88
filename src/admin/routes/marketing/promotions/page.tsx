import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PromotionListTable } from "../../../components/promotion-list/promotion-list-table"

const PromotionsPage = () => <PromotionListTable />

export const config = defineRouteConfig({
  label: "Promotions",
  rank: 3,
})

export const handle = {
  breadcrumb: () => "Promotions",
}

export default PromotionsPage
