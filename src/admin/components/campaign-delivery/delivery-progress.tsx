import { Text } from "@medusajs/ui"
import { failedCount, percentOf, sentCount } from "../../lib/delivery-progress"
import { formatNumber } from "../../lib/format"
import type { CampaignDelivery } from "../../types/messages"
import { ProgressBar } from "../common/progress-bar"
import { deliveryBreakdown } from "./delivery-breakdown"
import { DeliveryLegend } from "./delivery-legend"

/** How far the campaign has gone out and how much of it failed, by message status. */
export const DeliveryProgress = ({ delivery }: { delivery: CampaignDelivery }) => {
  const shares = deliveryBreakdown(delivery)
  const summary = `${formatNumber(sentCount(delivery))} of ${formatNumber(delivery.total)} sent`
  const failed = failedCount(delivery)

  return (
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
  )
}
