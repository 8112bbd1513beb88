import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PromotionListTable } from "../../../components/promotion-list/promotion-list-table"

const PromotionsPage = () => <PromotionListTable />

// Not "Promotions": Medusa's own promotions have that entry in the same sidebar.
export const config = defineRouteConfig({
  label: "Marketing offers",
  rank: 3,
})

export const handle = {
  breadcrumb: () => "Marketing offers",
}

export default PromotionsPage
