import { Container, Heading, Text } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { failedCount, percentOf, sentCount } from "../../lib/delivery-progress"
import { formatNumber } from "../../lib/format"
import type { CampaignDelivery } from "../../types/messages"
import { ProgressBar } from "../common/progress-bar"
import { deliveryBreakdown } from "./delivery-breakdown"
import { DeliveryLegend } from "./delivery-legend"
import { EngagementStats } from "./engagement-stats"

interface DeliverySectionProps {
  campaign: AdminCampaign
  delivery: CampaignDelivery
  /** The numbers are refreshed every couple of seconds: said, so that a person waits for them. */
  live: boolean
}

/** How far the campaign has gone out, how much of it failed, and what the contacts did with it. */
export const DeliverySection = ({ campaign, delivery, live }: DeliverySectionProps) => {
  const shares = deliveryBreakdown(delivery)
  const summary = `${formatNumber(sentCount(delivery))} of ${formatNumber(delivery.total)} sent`
  const failed = failedCount(delivery)

  return (
    <Container className="divide-y p-0" aria-label="Delivery" role="region">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Delivery</Heading>
        {live && (
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            Updating live…
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">
        <Text size="small" leading="compact" weight="plus" data-testid="delivery-summary">
          {failed > 0 ? `${summary}, ${formatNumber(failed)} failed` : summary}
        </Text>
        <ProgressBar
          label="Delivery progress"
          value={percentOf(sentCount(delivery) + failed, delivery.total)}
          valueText={summary}
          parts={shares.map((share) => ({ value: percentOf(share.count, delivery.total), className: share.colour }))}
        />
        <DeliveryLegend shares={shares} />
      </div>
      <div className="px-6 py-4">
        <EngagementStats campaign={campaign} delivery={delivery} />
      </div>
    </Container>
  )
}
