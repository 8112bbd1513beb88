import { Container, Text } from "@medusajs/ui"
import type { AdminCampaign } from "../../../types/http/campaign"
import { useCampaignDelivery } from "../../hooks/messages"
import { hasDelivery, isDeliveryLive } from "../../lib/delivery-progress"
import { CampaignReportSection } from "../campaign-report/campaign-report-section"
import { MessageLogSection } from "./message-log-section"

/**
 * How the campaign is going out, once it has started to: its report, and its messages one by one. A
 * draft or a campaign waiting for its send time shows neither.
 */
export const CampaignDeliverySections = ({ campaign }: { campaign: AdminCampaign }) => {
  const { data, isError, error } = useCampaignDelivery(campaign)
  const delivery = data?.delivery

  if (!hasDelivery(campaign, delivery)) {
    return null
  }
  if (!delivery) {
    return isError ? (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">
          The delivery numbers could not be loaded: {error.message}
        </Text>
      </Container>
    ) : null
  }

  const live = isDeliveryLive(campaign, delivery)
  return (
    <>
      <CampaignReportSection campaign={campaign} delivery={delivery} live={live} />
      <MessageLogSection campaign={campaign} live={live} />
    </>
  )
}
