import { Text } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/campaign/http"
import { sentCount } from "../../lib/delivery-progress"
import { formatPercent } from "../../lib/format"
import type { CampaignDelivery } from "../../types/messages"
import { StatTile } from "../common/stat-tile"

/**
 * Who did something with the message: opens, clicks, unsubscribes, each against the messages that went
 * out. Opens are an email's (a pixel): a text message has none to count.
 */
export const EngagementStats = ({ campaign, delivery }: { campaign: AdminCampaign; delivery: CampaignDelivery }) => {
  const sent = sentCount(delivery)
  const rate = (count: number) => (sent > 0 ? `${formatPercent(count / sent)} of sent` : undefined)
  const tracksOpens = campaign.channel === "email"

  return (
    <div className="flex flex-col gap-y-3">
      <div>
        <Text size="small" leading="compact" weight="plus">
          Engagement
        </Text>
        <Text size="small" leading="compact" className="text-ui-fg-subtle">
          People, not events: a contact who clicks twice counts once. Bots and mail scanners are left out.
        </Text>
      </div>
      <dl className={tracksOpens ? "grid grid-cols-3 gap-3" : "grid grid-cols-2 gap-3"}>
        {tracksOpens && <StatTile label="Opens" value={delivery.opened} detail={rate(delivery.opened)} testId="delivery-opened" />}
        <StatTile label="Clicks" value={delivery.clicked} detail={rate(delivery.clicked)} testId="delivery-clicked" />
        <StatTile
          label="Unsubscribes"
          value={delivery.unsubscribed}
          detail={rate(delivery.unsubscribed)}
          testId="delivery-unsubscribed"
        />
      </dl>
    </div>
  )
}
