import type { CampaignOrder, HourRow, LinkRow, ProviderRow } from "../../modules/analytics/lib/campaign-report"
import type { CampaignRoi } from "../../modules/analytics/lib/campaign-roi"
import type { AttributedKpis, CreditingModel } from "../../modules/analytics/lib/report"
import type { FunnelCounts } from "../components/analytics-dashboard/funnel"

export type { CampaignOrder, CampaignRoi, HourRow, LinkRow, ProviderRow }

/** GET /admin/marketing/analytics/campaigns/:id; money in minor units of `currency_code`. */
export interface AdminCampaignReport {
  timezone: string
  currency_code: string
  attribution_model: CreditingModel
  campaign: { id: string; name: string; channel: string; status: string }
  first_sent_at: string | null
  last_sent_at: string | null
  /** Until when its figures may still move; null before it was sent. */
  changing_until: string | null
  funnel: FunnelCounts
  bounced: number
  unsubscribed: number
  attributed: Record<CreditingModel, AttributedKpis>
  roi: CampaignRoi
  hours: HourRow[]
  links: LinkRow[]
  providers: ProviderRow[]
  orders: { count: number; items: (CampaignOrder & { display_id: number | null })[] }
}

export interface AdminCampaignReportResponse {
  report: AdminCampaignReport
}
