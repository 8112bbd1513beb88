import type { AdminCampaign } from "../../../types/http/campaign"
import type { DialogProps } from "../common/dialog-props"
import { FormDrawer } from "../common/form-drawer"
import { CampaignForm } from "./campaign-form"

interface CampaignFormDrawerProps extends DialogProps {
  /** The campaign to edit; without one, the drawer creates a campaign. */
  campaign?: AdminCampaign
  onSaved?: (campaign: AdminCampaign) => void
}

export const CampaignFormDrawer = ({ campaign, open, onOpenChange, onSaved }: CampaignFormDrawerProps) => (
  <FormDrawer
    open={open}
    onOpenChange={onOpenChange}
    title={campaign ? "Edit campaign" : "Create campaign"}
    description={campaign ? "Change the campaign's details." : "Set up a new marketing campaign."}
  >
    {/* Mounted only while open, so every opening starts from the campaign as it is now. */}
    <CampaignForm
      campaign={campaign}
      onSaved={(saved) => {
        onOpenChange(false)
        onSaved?.(saved)
      }}
    />
  </FormDrawer>
)
