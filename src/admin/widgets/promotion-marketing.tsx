import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Container, Text } from "@medusajs/ui"
import { CampaignLink } from "../components/campaign-link"
import { SectionRow } from "../components/common/section-row"
import { MarketingWidgetHeader } from "../components/marketing-widget-header"
import { PromotionStatusBadge } from "../components/promotion-status-badge"
import { usePromotionByNative } from "../hooks/promotions"
import { formatNumber } from "../lib/format"
import { promotionPath } from "../lib/paths"
import { offerSummary, promotionAmount } from "../lib/promotion-display"

/**
 * On Medusa's promotion page: the marketing promotion this one was made for, whose terms it mirrors
 * and where it is changed. Promotions the store made itself show nothing.
 */
const PromotionMarketingWidget = ({ data: native }: DetailWidgetProps<HttpTypes.AdminPromotion>) => {
  const { data, isError, error } = usePromotionByNative(native.id)
  const promotion = data?.promotion

  if (isError) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-error">
          The marketing promotion behind this one could not be loaded: {error.message}
        </Text>
      </Container>
    )
  }
  // Nothing while it loads either: most promotions are the store's own, and would flash an empty section.
  if (!promotion) {
    return null
  }

  return (
    <Container className="divide-y p-0" role="region" aria-label="Marketing promotion">
      <MarketingWidgetHeader
        description="Made by marketing: change its terms there, not here."
        link={{ to: promotionPath(promotion.id), label: "View promotion" }}
      />
      <SectionRow title="Promotion" value={promotion.name} />
      <SectionRow title="Offer" value={offerSummary(promotion)} />
      <SectionRow title="Status" value={<PromotionStatusBadge promotion={promotion} />} />
      <SectionRow title="Campaign" value={promotion.campaign_id ? <CampaignLink id={promotion.campaign_id} /> : null} />
      <SectionRow title="Redemptions" value={formatNumber(promotion.redeemed_count)} />
      <SectionRow title="Cost" value={promotionAmount(promotion.spent_amount, promotion)} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "promotion.details.after",
})

export default PromotionMarketingWidget
