import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useDeletePromotion, useDuplicatePromotion } from "../../hooks/promotions"
import { formatDateTime } from "../../lib/format"
import { PROMOTIONS_PATH, promotionPath } from "../../lib/paths"
import { offerSummary, windowSummary } from "../../lib/promotion-display"
import type { AdminPromotion } from "../../types/promotions"
import { CampaignLink } from "../campaign-link"
import { ActionMenu } from "../common/action-menu"
import { SectionRow } from "../common/section-row"
import { useDuplicateAction } from "../common/use-duplicate-action"
import { PromotionFormDrawer } from "../promotion-form/promotion-form-drawer"
import { PromotionStatusBadge } from "../promotion-status-badge"
import { RedemptionLabel } from "../promotion-summary/redemption-label"
import { PromotionLifecycleActions } from "./promotion-lifecycle-actions"

export const PromotionGeneralSection = ({ promotion }: { promotion: AdminPromotion }) => {
  const [isEditing, setIsEditing] = useState(false)
  const confirmDelete = useDeleteConfirmation(promotion)
  const duplicate = useDuplicateAction({
    noun: "Promotion",
    duplicate: useDuplicatePromotion(promotion.id),
    copyOf: (response) => response.promotion,
    pathOf: promotionPath,
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading>{promotion.name}</Heading>
        <div className="flex items-center gap-x-4">
          <PromotionStatusBadge promotion={promotion} />
          <ActionMenu
            label="Promotion actions"
            groups={[
              [{ label: "Edit", icon: <PencilSquare />, onClick: () => setIsEditing(true) }, duplicate],
              [{ label: "Delete", icon: <Trash />, onClick: confirmDelete }],
            ]}
          />
        </div>
      </div>
      <SectionRow title="Description" value={promotion.description} />
      <SectionRow title="Offer" value={offerSummary(promotion)} />
      <SectionRow title="Redemption" value={<RedemptionLabel promotion={promotion} />} />
      <SectionRow title="Window" value={windowSummary(promotion) ?? "Always"} />
      <SectionRow title="Campaign" value={promotion.campaign_id ? <CampaignLink id={promotion.campaign_id} /> : null} />
      <SectionRow title="Updated" value={formatDateTime(promotion.updated_at)} />
      <PromotionLifecycleActions promotion={promotion} />
      <PromotionFormDrawer promotion={promotion} open={isEditing} onOpenChange={setIsEditing} />
    </Container>
  )
}

/** Asks before deleting, then leaves for the list: the page would show a promotion that is gone. */
function useDeleteConfirmation(promotion: AdminPromotion) {
  const prompt = usePrompt()
  const navigate = useNavigate()
  const deletePromotion = useDeletePromotion(promotion.id)

  return async () => {
    const confirmed = await prompt({
      title: "Delete promotion?",
      description: `"${promotion.name}", its codes and the native promotions behind it will be deleted. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    deletePromotion.mutate(undefined, {
      onSuccess: () => {
        toast.success(`Promotion "${promotion.name}" was deleted`)
        navigate(PROMOTIONS_PATH, { replace: true })
      },
      onError: (error) => toast.error("Could not delete the promotion", { description: error.message }),
    })
  }
}
