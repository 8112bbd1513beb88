import type { CampaignDelivery } from "../../types/messages"
import { ENGAGEMENT_REPORT_MS, LIVE_REPORT_MS, ORDERS_REPORT_MS, reportRefreshInterval } from "../campaign-report-refresh"

const NOW = Date.parse("2026-06-10T12:00:00Z")
const hoursAgo = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString()
const inHours = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString()
const delivery = (sent: number, queued = 0) =>
  ({ total: sent + queued, queued, sending: 0, sent, delivered: 0, failed: 0, bounced: 0, opened: 0, clicked: 0, unsubscribed: 0 }) as CampaignDelivery
const sent = (hours: number) => ({ status: "sent", scheduled_at: hoursAgo(hours), schedule_cron: null, last_occurrence_at: null }) as const

describe("reportRefreshInterval", () => {
  it("asks every couple of seconds while messages go out", () => {
    expect(reportRefreshInterval({ ...sent(0), status: "sending" }, delivery(1, 2), null, NOW)).toBe(LIVE_REPORT_MS)
  })

  it("then every ten seconds while people open and click, then every minute while orders can be credited", () => {
    expect(reportRefreshInterval(sent(1), delivery(3), inHours(24 * 6), NOW)).toBe(ENGAGEMENT_REPORT_MS)
    expect(reportRefreshInterval(sent(72), delivery(3), inHours(24 * 4), NOW)).toBe(ORDERS_REPORT_MS)
  })

  it("stops once nothing can change any more, but not for a campaign that keeps recurring", () => {
    expect(reportRefreshInterval(sent(24 * 8), delivery(3), hoursAgo(24), NOW)).toBe(false)
    expect(reportRefreshInterval(sent(24 * 8), delivery(3), null, NOW)).toBe(false)
    expect(
      reportRefreshInterval({ status: "active", scheduled_at: null, schedule_cron: "0 9 * * 1", last_occurrence_at: hoursAgo(24 * 8) }, delivery(3), hoursAgo(24), NOW)
    ).toBe(ORDERS_REPORT_MS)
  })
})
