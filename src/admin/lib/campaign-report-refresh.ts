import type { AdminCampaign } from "../../types/http/campaign"
import type { CampaignDelivery } from "../types/messages"
import { isDeliveryLive, isEngagementFresh } from "./delivery-progress"

/** While messages go out, every couple of seconds; while people open and click, every ten. */
export const LIVE_REPORT_MS = 2_000
export const ENGAGEMENT_REPORT_MS = 10_000
/** While orders can still be credited to it (the rollup of orders is refreshed every minute). */
export const ORDERS_REPORT_MS = 60_000

/**
 * How often a campaign's report is asked for again: often while it goes out, less often while opens
 * and clicks come in, once a minute while orders can still be credited to it or it recurs, and no
 * longer once nothing can change (false).
 */
export function reportRefreshInterval(
  campaign: Pick<AdminCampaign, "status" | "scheduled_at" | "schedule_cron" | "last_occurrence_at">,
  delivery: CampaignDelivery | undefined,
  changingUntil: string | null | undefined,
  now = Date.now()
): number | false {
  if (isDeliveryLive(campaign, delivery)) return LIVE_REPORT_MS
  if (isEngagementFresh(campaign, delivery, now)) return ENGAGEMENT_REPORT_MS
  if (campaign.status === "active" || (changingUntil && Date.parse(changingUntil) > now)) return ORDERS_REPORT_MS
  return false
}
