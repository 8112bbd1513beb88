import { Button, Container, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCampaigns } from "../../hooks/campaigns"
import { campaignPath } from "../../lib/paths"
import { CampaignFormDrawer } from "../campaign-form/campaign-form-drawer"
import { ListTable } from "../common/list-table"
import { rowData } from "../common/row-data"
import { useListTableState } from "../common/use-list-table-state"
import { campaignTableColumns } from "./campaign-table-columns"
import { campaignTableFilters, campaignUrlFilters } from "./campaign-table-filters"

export const CampaignListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const { query, search, pagination, sorting, filtering } = useListTableState({ filters: campaignUrlFilters })
  const { data, isPending, isError, error } = useCampaigns(query)

  const table = useDataTable({
    data: data?.campaigns ?? [],
    columns: campaignTableColumns,
    filters: campaignTableFilters,
    rowCount: data?.count ?? 0,
    getRowId: (campaign) => campaign.id,
    onRowClick: (_, row) => navigate(campaignPath(rowData(row).id)),
    isLoading: isPending,
    // The table state resets the page itself, in the same URL update as the change that causes it.
    autoResetPageIndex: false,
    search,
    pagination,
    sorting,
    filtering,
  })

  if (isError) {
    // Like Medusa's own pages: the route's error boundary explains what went wrong.
    throw error
  }

  return (
    <Container className="divide-y p-0">
      <ListTable
        instance={table}
        heading="Campaigns"
        description="Reach your customers by email, SMS and push notifications."
        actions={
          <Button size="small" variant="secondary" onClick={() => setIsCreating(true)}>
            Create
          </Button>
        }
        emptyState={{
          empty: {
            heading: "No campaigns yet",
            description: "Create a campaign to reach your customers.",
          },
          filtered: {
            heading: "No matching campaigns",
            description: "Try another search or remove some filters.",
          },
        }}
      />
      <CampaignFormDrawer
        open={isCreating}
        onOpenChange={setIsCreating}
        onSaved={(campaign) => navigate(campaignPath(campaign.id))}
      />
    </Container>
  )
}
