import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Badge, Container } from "@medusajs/ui"
import { CampaignLink } from "../components/campaign-link"
import { SectionRow } from "../components/common/section-row"
import { MarketingWidgetHeader } from "../components/marketing-widget-header"
import { useOrderCredits } from "../hooks/analytics-reports"
import { useOrderAttribution } from "../hooks/order-attributions"
import { CREDITING_MODEL_NAMES } from "../../modules/analytics/lib/names"
import { formatAmount, formatDateTime } from "../lib/format"
import { promotionPath } from "../lib/paths"
import { Link } from "react-router-dom"

/**
 * On Medusa's order page: what marketing did for the order — the campaign and message the shopper
 * came through, the promotions and codes they used, and which message each attribution model
 * credits. Orders marketing played no part in show nothing.
 */
const OrderAttributionWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data } = useOrderAttribution(order.id)
  const { data: credited } = useOrderCredits(order.id)
  const attribution = data?.order_attributions[0]
  const credits = credited?.attribution

  // An order is attributed when a campaign brought the shopper or a marketing promotion applied.
  if (!attribution || (!attribution.campaign_id && !attribution.promotion_ids.length)) {
    return null
  }

  return (
    <Container className="divide-y p-0" role="region" aria-label="Marketing attribution">
      <MarketingWidgetHeader />
      <SectionRow title="Campaign" value={attribution.campaign_id ? <CampaignLink id={attribution.campaign_id} /> : null} />
      <SectionRow title="Message" value={attribution.message_id} />
      <SectionRow title="Clicked" value={attribution.clicked_at && formatDateTime(attribution.clicked_at)} />
      <SectionRow
        title="Codes"
        value={
          attribution.codes.length ? (
            <>
              {attribution.codes.map((code) => (
                <Badge key={code} size="2xsmall" className="font-mono">
                  {code}
                </Badge>
              ))}
            </>
          ) : null
        }
      />
      <SectionRow
        title="Promotions"
        value={
          credits?.promotions.length ? (
            <span className="flex flex-col items-end">
              {credits.promotions.map((promotion) => (
                <Link key={promotion.id} to={promotionPath(promotion.id)} className="text-ui-fg-interactive">
                  {promotion.name}
                </Link>
              ))}
            </span>
          ) : null
        }
      />
      <SectionRow title="Discount" value={formatAmount(attribution.discount_total, attribution.currency_code)} />
      <SectionRow
        title="Credited by"
        value={
          credits?.credits.length ? (
            <span className="flex flex-col items-end" data-testid="order-attribution-credits">
              {credits.credits.map((credit) => (
                <span key={credit.model}>
                  {CREDITING_MODEL_NAMES[credit.model]}:{" "}
                  {credit.campaign?.name ?? (credit.journey ? `journey ${credit.journey.name}` : credit.message_id)}
                </span>
              ))}
            </span>
          ) : credits ? (
            "No model credits a message"
          ) : null
        }
      />
    </Container>
  )
}

export const config = defineWidgetConfig({
  // Beside the order, under the customer: a summary like those.
  zone: "order.details.side.after",
})

export default OrderAttributionWidget
