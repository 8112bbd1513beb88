import type { CampaignDelivery } from "../../types/messages"
import { isEngagementFresh } from "../delivery-progress"

const NOW = Date.parse("2026-06-10T12:00:00Z")
const hoursAgo = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString()
const delivery = (sent: number) =>
  ({ total: sent, queued: 0, sending: 0, sent, delivered: 0, failed: 0, bounced: 0, opened: 0, clicked: 0, unsubscribed: 0 }) as CampaignDelivery
const oneOff = (scheduled_at: string | null) => ({ scheduled_at, schedule_cron: null, last_occurrence_at: null })

describe("isEngagementFresh", () => {
  it("keeps asking for opens and clicks for two days after messages went out", () => {
    expect(isEngagementFresh(oneOff(hoursAgo(1)), delivery(3), NOW)).toBe(true)
    expect(isEngagementFresh(oneOff(hoursAgo(47)), delivery(3), NOW)).toBe(true)
    expect(isEngagementFresh(oneOff(hoursAgo(49)), delivery(3), NOW)).toBe(false)
  })

  it("waits for something to have gone out", () => {
    expect(isEngagementFresh(oneOff(hoursAgo(1)), delivery(0), NOW)).toBe(false)
    expect(isEngagementFresh(oneOff(hoursAgo(1)), undefined, NOW)).toBe(false)
    expect(isEngagementFresh(oneOff(null), delivery(3), NOW)).toBe(false)
  })

  it("counts a recurring campaign's two days from its last run", () => {
    const recurring = { scheduled_at: null, schedule_cron: "0 9 * * 1" }
    expect(isEngagementFresh({ ...recurring, last_occurrence_at: hoursAgo(3) }, delivery(3), NOW)).toBe(true)
    expect(isEngagementFresh({ ...recurring, last_occurrence_at: hoursAgo(72) }, delivery(3), NOW)).toBe(false)
  })
})
