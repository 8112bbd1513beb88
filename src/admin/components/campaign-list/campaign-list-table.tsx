import { Button, Container } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCampaigns } from "../../hooks/campaigns"
import { campaignPath } from "../../lib/paths"
import { CampaignFormDrawer } from "../campaign-form/campaign-form-drawer"
import { ListTable } from "../common/list-table"
import { useResourceTable } from "../common/use-resource-table"
import { campaignTableColumns } from "./campaign-table-columns"
import { campaignTableFilters, campaignUrlFilters } from "./campaign-table-filters"

export const CampaignListTable = () => {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)
  const table = useResourceTable({
    useList: useCampaigns,
    rows: (response) => ({ rows: response.campaigns, count: response.count }),
    columns: campaignTableColumns,
    filters: campaignTableFilters,
    urlFilters: campaignUrlFilters,
    rowPath: campaignPath,
  })

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
