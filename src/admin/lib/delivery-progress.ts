import type { AdminCampaign } from "../../types/http/campaign"
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

/** Opens and clicks keep arriving after a send, most of them within its first two days. */
const ENGAGEMENT_WINDOW_MS = 2 * 86_400_000

/**
 * People may still be opening and clicking what went out: messages left within the last two days. A
 * one-off campaign's send time is when it went out (sending it early moves it); a recurring one's is
 * its last run.
 */
export function isEngagementFresh(
  campaign: Pick<AdminCampaign, "scheduled_at" | "schedule_cron" | "last_occurrence_at">,
  delivery: CampaignDelivery | undefined,
  now = Date.now()
) {
  const lastSend = campaign.schedule_cron ? campaign.last_occurrence_at : campaign.scheduled_at
  return !!delivery && sentCount(delivery) > 0 && !!lastSend && now - new Date(lastSend).getTime() < ENGAGEMENT_WINDOW_MS
}

/** A campaign has delivery to show once it has sent, or started to: drafts and plans have none. */
export const hasDelivery = (campaign: Pick<AdminCampaign, "status">, delivery?: CampaignDelivery) =>
  (!!delivery && delivery.total > 0) || ["sending", "sent", "active"].includes(campaign.status)

/** `part` of `whole` as a percentage; nothing of nothing is 0. */
export const percentOf = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0)
