import { Drawer, Heading } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { CampaignForm } from "./campaign-form"

interface CampaignFormDrawerProps {
  /** The campaign to edit; without one, the drawer creates a campaign. */
  campaign?: AdminCampaign
  open: boolean
  onOpenChange: (open: boolean) => void
  onSaved?: (campaign: AdminCampaign) => void
}

export const CampaignFormDrawer = ({ campaign, open, onOpenChange, onSaved }: CampaignFormDrawerProps) => (
  <Drawer open={open} onOpenChange={onOpenChange}>
    <Drawer.Content>
      <Drawer.Header>
        <Drawer.Title asChild>
          <Heading>{campaign ? "Edit campaign" : "Create campaign"}</Heading>
        </Drawer.Title>
        <Drawer.Description className="sr-only">
          {campaign ? "Change the campaign's details." : "Set up a new marketing campaign."}
        </Drawer.Description>
      </Drawer.Header>
      {/* Mounted only while open, so every opening starts from the campaign as it is now. */}
      <CampaignForm
        campaign={campaign}
        onSaved={(saved) => {
          onOpenChange(false)
          onSaved?.(saved)
        }}
      />
    </Drawer.Content>
  </Drawer>
)
