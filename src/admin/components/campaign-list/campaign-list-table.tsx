import { Button, Container, DataTable, Heading, Text, useDataTable } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCampaigns } from "../../hooks/campaigns"
import { campaignPath } from "../../lib/paths"
import { CampaignFormDrawer } from "../campaign-form/campaign-form-drawer"
import { campaignTableColumns } from "./campaign-table-columns"
import { campaignTableFilters } from "./campaign-table-filters"
import { useCampaignTableState } from "./use-campaign-table-state"

export const CampaignListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const { query, ...tableState } = useCampaignTableState()
  const { data, isPending, isError, error } = useCampaigns(query)

  const table = useDataTable({
    data: data?.campaigns ?? [],
    columns: campaignTableColumns,
    filters: campaignTableFilters,
    rowCount: data?.count ?? 0,
    getRowId: (campaign) => campaign.id,
    onRowClick: (_, campaign) => navigate(campaignPath(campaign.id)),
    isLoading: isPending,
    // The table state resets the page itself, in the same URL update as the change that causes it.
    autoResetPageIndex: false,
    ...tableState,
  })

  if (isError) {
    // Like Medusa's own pages: the route's error boundary explains what went wrong.
    throw error
  }

  return (
    <Container className="divide-y p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center">
          <div>
            <Heading>Campaigns</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Reach your customers by email, SMS and push notifications.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.FilterMenu tooltip="Filter" />
            <DataTable.SortingMenu tooltip="Sort" />
            <DataTable.Search placeholder="Search" />
            <Button size="small" variant="secondary" onClick={() => setIsCreating(true)}>
              Create
            </Button>
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
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
        <DataTable.Pagination />
      </DataTable>
      <CampaignFormDrawer
        open={isCreating}
        onOpenChange={setIsCreating}
        onSaved={(campaign) => navigate(campaignPath(campaign.id))}
      />
    </Container>
  )
}
