import { AttributionModel } from "../../../../types/analytics"
import { budgetUse, promotionSeries, promotionTotals } from "../promotion-report"
import { ReportRow } from "../report"
import { zeroMetrics } from "../rollup"

const row = (day: string, metrics: Partial<ReportRow>): ReportRow => ({
  ...zeroMetrics(),
  day,
  dimension_id: "mpromo_1",
  attribution_model: AttributionModel.NONE,
  ...metrics,
})

describe("promotion report", () => {
  const rows = [
    row("2026-03-02", { orders: 2, revenue: 9000 }),
    row("2026-03-02", { codes_redeemed: 2, discount_amount: 1000 }),
    row("2026-03-09", { orders: 1, revenue: 3000, codes_redeemed: 1, discount_amount: 500 }),
    // A cancellation taken back on a later day.
    row("2026-03-10", { codes_redeemed: -1, discount_amount: -500 }),
    row("2026-04-01", { orders: 7, revenue: 70000 }),
  ]

  it("adds the rows up per bucket, every bucket present, rows outside the range left out", () => {
    expect(promotionSeries(rows, "day", "2026-03-01", "2026-03-03")).toEqual([
      { bucket: "2026-03-01", orders: 0, revenue: 0, codes_redeemed: 0, discount_amount: 0 },
      { bucket: "2026-03-02", orders: 2, revenue: 9000, codes_redeemed: 2, discount_amount: 1000 },
      { bucket: "2026-03-03", orders: 0, revenue: 0, codes_redeemed: 0, discount_amount: 0 },
    ])
    expect(promotionSeries(rows, "week", "2026-03-01", "2026-03-15")).toEqual([
      { bucket: "2026-W09", orders: 0, revenue: 0, codes_redeemed: 0, discount_amount: 0 },
      { bucket: "2026-W10", orders: 2, revenue: 9000, codes_redeemed: 2, discount_amount: 1000 },
      { bucket: "2026-W11", orders: 1, revenue: 3000, codes_redeemed: 0, discount_amount: 0 },
    ])
  })

  it("totals orders, revenue, codes and discount with the average order and the discount per revenue", () => {
    expect(promotionTotals(promotionSeries(rows, "month", "2026-03-01", "2026-03-31"))).toEqual({
      orders: 3, revenue: 12000, codes_redeemed: 2, discount_amount: 1000, average_order_value: 4000, discount_rate: 1000 / 12000,
    })
    expect(promotionTotals(promotionSeries([], "day", "2026-03-01", "2026-03-01"))).toMatchObject({
      orders: 0, average_order_value: null, discount_rate: null,
    })
  })

  it("measures the budget as it stands, none without one", () => {
    expect(budgetUse(2500, 10000)).toEqual({ budget: 10000, spent: 2500, remaining: 7500, used: 0.25 })
    expect(budgetUse(12000, 10000)).toEqual({ budget: 10000, spent: 12000, remaining: 0, used: 1.2 })
    expect(budgetUse(100, null)).toBeNull()
  })
})
