import type { AdminCampaign } from "../../types/campaign/http"
import type { CampaignDelivery } from "../types/messages"

// A campaign's delivery numbers as the admin reads them. The server counts by message status; a person
// asks how many went out (sent, whatever the provider reported since) and how many did not make it.

/** Accepted by the provider: sent, and delivered as far as the provider could tell. */
export const sentCount = (delivery: CampaignDelivery) => delivery.sent + delivery.delivered

/** Refused at sending, or bounced after. */
export const failedCount = (delivery: CampaignDelivery) => delivery.failed + delivery.bounced

/** Still on their way: the numbers change until none are. */
export const inFlightCount = (delivery: CampaignDelivery) => delivery.queued + delivery.sending

/**
 * The numbers are worth asking for again: the campaign is going out, or messages are still in flight.
 * The latter covers recurring runs, and the moment a one-off campaign is marked sent just after its
 * numbers were last read.
 */
export const isDeliveryLive = (campaign: Pick<AdminCampaign, "status">, delivery?: CampaignDelivery) =>
  campaign.status === "sending" || (!!delivery && inFlightCount(delivery) > 0)

/** A campaign has delivery to show once it has sent, or started to: drafts and plans have none. */
export const hasDelivery = (campaign: Pick<AdminCampaign, "status">, delivery?: CampaignDelivery) =>
  (!!delivery && delivery.total > 0) || ["sending", "sent", "active"].includes(campaign.status)

/** `part` of `whole` as a percentage; nothing of nothing is 0. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0)
