import { formatNumber } from "../../lib/format"
import { failedCount, sentCount } from "../../lib/delivery-progress"
import type { CampaignDelivery } from "../../types/messages"

/** One stretch of the delivery bar, and its entry in the legend beneath, in the same colour. */
export interface DeliveryShare {
  id: "sent" | "failed" | "sending" | "queued"
  label: string
  count: number
  /** What the count holds besides its own status, e.g. "3 delivered". */
  detail?: string
  colour: string
}

const including = (count: number, what: string) => (count > 0 ? `${formatNumber(count)} ${what}` : undefined)

/**
 * The campaign's messages by where they are, in the bar's order: done first (sent, failed), then those
 * on their way. Queued messages take the colour of the bar's empty track: they have not started.
 */
export const deliveryBreakdown = (delivery: CampaignDelivery): DeliveryShare[] => [
  {
    id: "sent",
    label: "Sent",
    count: sentCount(delivery),
    detail: including(delivery.delivered, "delivered"),
    colour: "bg-ui-tag-green-icon",
  },
  {
    id: "failed",
    label: "Failed",
    count: failedCount(delivery),
    detail: including(delivery.bounced, "bounced"),
    colour: "bg-ui-tag-red-icon",
  },
  { id: "sending", label: "Sending", count: delivery.sending, colour: "bg-ui-tag-orange-icon" },
  { id: "queued", label: "Queued", count: delivery.queued, colour: "bg-ui-bg-switch-off" },
]
