import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { usePromotions } from "../../hooks/promotions"
import { promotionPath } from "../../lib/paths"
import { ListTable } from "../common/list-table"
import { useResourceTable } from "../common/use-resource-table"
import { PromotionFormDrawer } from "../promotion-form/promotion-form-drawer"
import { promotionTableColumns } from "./promotion-table-columns"
import { promotionTableFilters, promotionUrlFilters } from "./promotion-table-filters"

export const PromotionListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const table = useResourceTable({
    useList: usePromotions,
    rows: (response) => ({ rows: response.promotions, count: response.count }),
    columns: promotionTableColumns,
    filters: promotionTableFilters,
    urlFilters: promotionUrlFilters,
    rowPath: promotionPath,
  })

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Marketing offers"
        description="Discounts for your segments and campaigns, with codes, limits and budgets."
        actions={
          <Button size="small" variant="secondary" onClick={() => setIsCreating(true)}>
            Create
          </Button>
        }
        emptyState={{
          empty: { heading: "No promotions yet", description: "Create a promotion to offer your customers a discount." },
          filtered: { heading: "No matching promotions", description: "Try another search or remove some filters." },
        }}
      />
      <PromotionFormDrawer
        open={isCreating}
        onOpenChange={setIsCreating}
        onSaved={(promotion) => navigate(promotionPath(promotion.id))}
      />
    </Container>
  )
}
