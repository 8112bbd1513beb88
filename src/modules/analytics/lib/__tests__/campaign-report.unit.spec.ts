import { byMailboxProvider, campaignOrders, DomainRow, engagementByHour, funnelOf, linksOf } from "../campaign-report"

const domain = (name: string, counts: Partial<DomainRow>): DomainRow => ({
  domain: name, sent: 0, delivered: 0, bounced: 0, opened: 0, clicked: 0, unsubscribed: 0, first_sent_at: null, last_sent_at: null, ...counts,
})

describe("engagementByHour", () => {
  it("has every hour of the window, 0 where nothing happened, and nothing past it", () => {
    const hours = engagementByHour([{ hour: 0, opened: 5, clicked: 2 }, { hour: 3, opened: 1, clicked: 0 }], 4)
    expect(hours).toEqual([
      { hour: 0, opened: 5, clicked: 2 },
      { hour: 1, opened: 0, clicked: 0 },
      { hour: 2, opened: 0, clicked: 0 },
      { hour: 3, opened: 1, clicked: 0 },
    ])
    expect(engagementByHour([])).toHaveLength(72)
  })
})

describe("byMailboxProvider", () => {
  it("sums domains per provider, every provider present in a fixed order", () => {
    expect(
      byMailboxProvider([
        domain("gmail.com", { sent: 3, delivered: 3, opened: 2, clicked: 1 }),
        domain("googlemail.com", { sent: 1, bounced: 1 }),
        domain("hotmail.de", { sent: 2, delivered: 2, opened: 1 }),
        domain("shop.example", { sent: 1, delivered: 1, opened: 1 }),
      ])
    ).toEqual([
      { provider: "gmail", sent: 4, delivered: 3, bounced: 1, opened: 2 },
      { provider: "outlook", sent: 2, delivered: 2, bounced: 0, opened: 1 },
      { provider: "yahoo", sent: 0, delivered: 0, bounced: 0, opened: 0 },
      { provider: "icloud", sent: 0, delivered: 0, bounced: 0, opened: 0 },
      { provider: "other", sent: 1, delivered: 1, bounced: 0, opened: 1 },
    ])
  })
})

describe("funnelOf", () => {
  it("adds the domains up, from the first send to the last", () => {
    const [early, late] = [new Date("2026-03-01T09:00:00Z"), new Date("2026-03-01T09:05:00Z")]
    expect(
      funnelOf([
        domain("gmail.com", { sent: 3, delivered: 2, bounced: 1, opened: 2, clicked: 1, first_sent_at: late, last_sent_at: late }),
        domain("", { sent: 2, delivered: 2, clicked: 1, unsubscribed: 1, first_sent_at: early, last_sent_at: early }),
      ])
    ).toEqual({ sent: 5, delivered: 4, bounced: 1, opened: 2, clicked: 2, unsubscribed: 1, first_sent_at: early, last_sent_at: late })
    expect(funnelOf([])).toMatchObject({ sent: 0, first_sent_at: null, last_sent_at: null })
  })
})

describe("linksOf", () => {
  it("sums each link's days, keeps unclicked links at 0, and a clicked link without a known URL", () => {
    expect(
      linksOf("mcamp_1", [{ position: 0, url: "https://a.test/" }, { position: 1, url: "https://b.test/" }], [
        { dimension_id: "mcamp_1:0", clicks: 3, clicked: 2 },
        { dimension_id: "mcamp_1:0", clicks: 1, clicked: 1 },
        { dimension_id: "mcamp_1:2", clicks: 1, clicked: 1 },
      ])
    ).toEqual([
      { position: 0, url: "https://a.test/", clicks: 4, clicked: 3 },
      { position: 1, url: "https://b.test/", clicks: 0, clicked: 0 },
      { position: 2, url: null, clicks: 1, clicked: 1 },
    ])
  })
})

describe("campaignOrders", () => {
  it("turns Medusa's major units into minor units of each order's currency, net of refunds, nothing kept of a cancelled one", () => {
    const placed_at = new Date("2026-03-01T10:00:00Z")
    const canceled_at = new Date("2026-03-02T08:00:00Z")
    expect(
      campaignOrders([
        { order_id: "order_1", placed_at, currency_code: "eur", revenue: "36.1", discount_total: "4", refunded: "10.05", canceled_at: null, clicked: true, codes: [], total: 3 },
        { order_id: "order_2", placed_at, currency_code: "jpy", revenue: "1200", discount_total: "0", refunded: "0", canceled_at: null, clicked: false, codes: ["A"], total: 3 },
        { order_id: "order_3", placed_at, currency_code: "eur", revenue: "45", discount_total: "0", refunded: "0", canceled_at, clicked: true, codes: [], total: 3 },
      ])
    ).toEqual([
      { order_id: "order_1", placed_at: "2026-03-01T10:00:00.000Z", currency_code: "eur", revenue: 3610, discount_amount: 400, refunded: 1005, net_revenue: 2605, canceled_at: null, through: "click" },
      { order_id: "order_2", placed_at: "2026-03-01T10:00:00.000Z", currency_code: "jpy", revenue: 1200, discount_amount: 0, refunded: 0, net_revenue: 1200, canceled_at: null, through: "promotion" },
      { order_id: "order_3", placed_at: "2026-03-01T10:00:00.000Z", currency_code: "eur", revenue: 4500, discount_amount: 0, refunded: 0, net_revenue: 0, canceled_at: "2026-03-02T08:00:00.000Z", through: "click" },
    ])
  })
})
