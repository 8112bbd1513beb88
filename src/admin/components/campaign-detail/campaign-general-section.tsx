import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useDeleteCampaign, useDuplicateCampaign } from "../../hooks/campaigns"
import { CAMPAIGN_CHANNELS } from "../../lib/campaign-display"
import { isDeletable } from "../../lib/campaign-lifecycle"
import { formatBudget, formatDateTime } from "../../lib/format"
import { CAMPAIGNS_PATH, campaignPath } from "../../lib/paths"
import { CampaignFormDrawer } from "../campaign-form/campaign-form-drawer"
import { CampaignStatusBadge } from "../campaign-status-badge"
import { ActionMenu } from "../common/action-menu"
import { SectionRow } from "../common/section-row"
import { useDuplicateAction } from "../common/use-duplicate-action"
import { CampaignLifecycleActions } from "./campaign-lifecycle-actions"

export const CampaignGeneralSection = ({ campaign }: { campaign: AdminCampaign }) => {
  const [isEditing, setIsEditing] = useState(false)
  const confirmDelete = useDeleteConfirmation(campaign)
  const duplicate = useDuplicateAction({
    noun: "Campaign",
    duplicate: useDuplicateCampaign(campaign.id),
    copyOf: (response) => response.campaign,
    pathOf: campaignPath,
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading>{campaign.name}</Heading>
        <div className="flex items-center gap-x-4">
          <CampaignStatusBadge status={campaign.status} />
          <ActionMenu
            label="Campaign actions"
            groups={[
              [{ label: "Edit", icon: <PencilSquare />, onClick: () => setIsEditing(true) }, duplicate],
              [{ label: "Delete", icon: <Trash />, onClick: confirmDelete, disabled: !isDeletable(campaign) }],
            ]}
          />
        </div>
      </div>
      <SectionRow title="Description" value={campaign.description} />
      <SectionRow title="Channel" value={CAMPAIGN_CHANNELS[campaign.channel]} />
      <SectionRow title="Budget" value={formatBudget(campaign)} />
      <SectionRow title="Created" value={formatDateTime(campaign.created_at)} />
      <SectionRow title="Updated" value={formatDateTime(campaign.updated_at)} />
      <CampaignLifecycleActions campaign={campaign} />
      <CampaignFormDrawer campaign={campaign} open={isEditing} onOpenChange={setIsEditing} />
    </Container>
  )
}

/** Asks before deleting, then leaves for the list: the page would show a campaign that is gone. */
function useDeleteConfirmation(campaign: AdminCampaign) {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const deleteCampaign = useDeleteCampaign(campaign.id)

  return async () => {
    const confirmed = await prompt({
      title: "Delete campaign?",
      description: `"${campaign.name}" and its team will be deleted. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    deleteCampaign.mutate(undefined, {
      onSuccess: () => {
        toast.success(`Campaign "${campaign.name}" was deleted`)
        navigate(CAMPAIGNS_PATH, { replace: true })
      },
      onError: (error) => toast.error("Could not delete the campaign", { description: error.message }),
    })
  }
}
