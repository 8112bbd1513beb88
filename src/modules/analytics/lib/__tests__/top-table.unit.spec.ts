import { AttributionModel } from "../../../../types/analytics"
import { ReportRow } from "../report"
import { zeroMetrics, Metrics } from "../rollup"
import { TOP_TABLES, topRows } from "../top-table"

const row = (dimension_id: string, attribution_model: AttributionModel, metrics: Partial<Metrics>): ReportRow => ({
  ...zeroMetrics(),
  ...metrics,
  day: "2026-04-01",
  dimension_id,
  attribution_model,
})

describe("topRows", () => {
  const campaigns = [
    row("a", AttributionModel.NONE, { sent: 10, delivered: 8, opened: 4, clicked: 2 }),
    row("a", AttributionModel.LAST_CLICK, { orders: 1, revenue: 5000, refunded: 1000 }),
    row("a", AttributionModel.LAST_TOUCH, { orders: 3, revenue: 9000 }),
    row("b", AttributionModel.NONE, { sent: 20, delivered: 0 }),
    row("b", AttributionModel.LAST_CLICK, { orders: 2, revenue: 7000 }),
    row("c", AttributionModel.NONE, { sent: 5, delivered: 5, opened: 5 }),
  ]

  it("gives each record its figures in the range and before it (zeros when it had none), orders and revenue under the chosen model", () => {
    const previous = [row("a", AttributionModel.NONE, { sent: 4, delivered: 4, opened: 1 }), row("z", AttributionModel.NONE, { sent: 99 })]
    const rows = topRows(TOP_TABLES.campaigns, { current: campaigns, previous }, AttributionModel.LAST_CLICK, "-revenue")
    expect(rows.map((r) => r.id)).toEqual(["b", "a", "c"])
    expect(rows[1]).toEqual({
      id: "a",
      current: { sent: 10, delivered: 8, opened: 4, clicked: 2, unsubscribed: 0, open_rate: 0.5, click_rate: 0.25, orders: 1, revenue: 5000, net_revenue: 4000 },
      previous: { sent: 4, delivered: 4, opened: 1, clicked: 0, unsubscribed: 0, open_rate: 0.25, click_rate: 0, orders: 0, revenue: 0, net_revenue: 0 },
    })
    expect(rows[0].previous).toMatchObject({ sent: 0, open_rate: null })
    const touched = topRows(TOP_TABLES.campaigns, { current: campaigns, previous: [] }, AttributionModel.LAST_TOUCH, "-orders")
    expect(touched.map((r) => [r.id, r.current.orders, r.current.revenue])).toEqual([["a", 3, 9000], ["b", 0, 0], ["c", 0, 0]])
  })

  it("sorts by any column either way, a rate without a denominator last either way, ties by id", () => {
    const sorted = (order: string) => topRows(TOP_TABLES.campaigns, { current: campaigns, previous: [] }, AttributionModel.LAST_CLICK, order).map((r) => r.id)
    expect(sorted("sent")).toEqual(["c", "a", "b"])
    expect(sorted("-sent")).toEqual(["b", "a", "c"])
    expect(sorted("open_rate")).toEqual(["a", "c", "b"])
    expect(sorted("-open_rate")).toEqual(["c", "a", "b"])
    expect(sorted("clicked")).toEqual(["b", "c", "a"])
  })

  it("adds a journey's steps up into one row per journey", () => {
    const steps = [
      row("j1:welcome", AttributionModel.NONE, { sent: 3, delivered: 3 }),
      row("j1:reminder", AttributionModel.NONE, { sent: 2, delivered: 1, clicked: 1 }),
      row("j1:reminder", AttributionModel.LAST_CLICK, { orders: 1, revenue: 2500 }),
      row("j2:only", AttributionModel.NONE, { sent: 1 }),
    ]
    const rows = topRows(TOP_TABLES.journeys, { current: steps, previous: [] }, AttributionModel.LAST_CLICK, "-sent")
    expect(rows.map((r) => [r.id, r.current.sent, r.current.delivered, r.current.clicked, r.current.orders, r.current.revenue])).toEqual([
      ["j1", 5, 4, 1, 1, 2500],
      ["j2", 1, 0, 0, 0, 0],
    ])
  })

  it("shows a promotion's orders whoever brought them, its refunds and its ledger", () => {
    const promotions = [
      row("p1", AttributionModel.NONE, { orders: 2, revenue: 13500, refunded: 500, codes_redeemed: 2, discount_amount: 1500 }),
      row("p2", AttributionModel.NONE, { orders: 1, revenue: 20000 }),
    ]
    const rows = topRows(TOP_TABLES.promotions, { current: promotions, previous: [] }, AttributionModel.CODE, "-net_revenue")
    expect(rows).toEqual([
      { id: "p2", current: { orders: 1, revenue: 20000, refunded: 0, net_revenue: 20000, codes_redeemed: 0, discount_amount: 0 }, previous: expect.any(Object) },
      { id: "p1", current: { orders: 2, revenue: 13500, refunded: 500, net_revenue: 13000, codes_redeemed: 2, discount_amount: 1500 }, previous: expect.any(Object) },
    ])
  })
})
