import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps, HttpTypes } from "@medusajs/framework/types"
import { Badge, Container } from "@medusajs/ui"
import { CampaignLink } from "../components/campaign-link"
import { SectionRow } from "../components/common/section-row"
import { MarketingWidgetHeader } from "../components/marketing-widget-header"
import { useOrderAttribution } from "../hooks/order-attributions"
import { formatAmount, formatDateTime } from "../lib/format"

/**
 * On Medusa's order page: what marketing did for the order — the campaign and message the shopper
 * came through, and the codes they used. Orders marketing played no part in show nothing.
 */
const OrderAttributionWidget = ({ data: order }: DetailWidgetProps<HttpTypes.AdminOrder>) => {
  const { data } = useOrderAttribution(order.id)
  const attribution = data?.order_attributions[0]

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
      <SectionRow title="Discount" value={formatAmount(attribution.discount_total, attribution.currency_code)} />
    </Container>
  )
}

export const config = defineWidgetConfig({
  // Beside the order, under the customer: a summary like those.
  zone: "order.details.side.after",
})

export default OrderAttributionWidget
