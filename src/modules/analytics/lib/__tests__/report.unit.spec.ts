import fc from "fast-check"
import { AttributionModel } from "../../../../types/analytics"
import { daysBetween, kpisOf, kpisPerDimension, metricTotal, previousDays, ReportRow, seriesOf } from "../report"
import { METRICS, Metrics, zeroMetrics } from "../rollup"

const row = (day: string, attribution_model: AttributionModel, metrics: Partial<Metrics>, dimension_id = ""): ReportRow => ({
  ...zeroMetrics(),
  ...metrics,
  day,
  dimension_id,
  attribution_model,
})

const ROWS = [
  row("2026-03-30", AttributionModel.NONE, { sent: 4, delivered: 4, opened: 2, clicked: 1, clicks: 3 }),
  row("2026-03-31", AttributionModel.NONE, { delivered: 0, unsubscribed: 1, bounced_hard: 1, bounced_soft: 1 }),
  row("2026-04-01", AttributionModel.LAST_CLICK, { orders: 1, revenue: 5000, discount_amount: 500 }),
  row("2026-04-01", AttributionModel.LAST_TOUCH, { orders: 2, revenue: 7000 }),
  row("2026-04-02", AttributionModel.LAST_CLICK, { refunded: 1200 }),
]
const LEDGER = [row("2026-04-01", AttributionModel.NONE, { codes_redeemed: 2, discount_amount: 900 })]

describe("kpisOf", () => {
  it("takes message metrics from uncredited rows, orders and refunds per model side by side, and the discount from the ledger", () => {
    expect(kpisOf({ rows: ROWS, ledger: LEDGER })).toEqual({
      sent: 4, delivered: 4, bounced: 2, complained: 0, opened: 2, clicked: 1, clicks: 3, unsubscribed: 1,
      attributed: {
        last_click: { orders: 1, revenue: 5000, refunded: 1200, net_revenue: 3800, revenue_per_recipient: 1250 },
        last_touch: { orders: 2, revenue: 7000, refunded: 0, net_revenue: 7000, revenue_per_recipient: 1750 },
        code: { orders: 0, revenue: 0, refunded: 0, net_revenue: 0, revenue_per_recipient: 0 },
      },
      codes_redeemed: 2,
      discount_amount: 900,
      rates: { open_rate: 0.5, click_rate: 0.25, click_to_open_rate: 0.5, bounce_rate: 0.5, unsubscribe_rate: 0.25, revenue_per_recipient: 1250 },
    })
  })

  it("says null where the ledger is not kept, and for rates without a denominator", () => {
    const kpis = kpisOf({ rows: [], ledger: null })
    expect(kpis).toMatchObject({ codes_redeemed: null, discount_amount: null })
    expect(Object.values(kpis.rates).every((rate) => rate === null)).toBe(true)
    expect(kpis.attributed.last_click.revenue_per_recipient).toBeNull()
  })
})

describe("kpisPerDimension", () => {
  it("gives each dimension id the KPIs of its own rows, its ledger included", () => {
    const rows = [...ROWS.map((r) => ({ ...r, dimension_id: "a" })), row("2026-04-01", AttributionModel.NONE, { sent: 1, codes_redeemed: 1 }, "b")]
    const kpis = kpisPerDimension(rows)
    expect([...kpis.keys()].sort()).toEqual(["a", "b"])
    expect(kpis.get("a")).toMatchObject({ sent: 4, codes_redeemed: 0, attributed: { last_touch: { orders: 2 } } })
    expect(kpis.get("b")).toMatchObject({ sent: 1, codes_redeemed: 1 })
  })
})

describe("seriesOf", () => {
  it("puts every day, week or month of the range in order, empty ones at 0", () => {
    const report = { rows: ROWS, ledger: LEDGER }
    expect(seriesOf(report, "sent", AttributionModel.LAST_CLICK, "day", "2026-03-29", "2026-04-02")).toEqual([
      { bucket: "2026-03-29", value: 0 },
      { bucket: "2026-03-30", value: 4 },
      { bucket: "2026-03-31", value: 0 },
      { bucket: "2026-04-01", value: 0 },
      { bucket: "2026-04-02", value: 0 },
    ])
    expect(seriesOf(report, "revenue", AttributionModel.LAST_TOUCH, "month", "2026-03-29", "2026-04-02")).toEqual([
      { bucket: "2026-03", value: 0 },
      { bucket: "2026-04", value: 7000 },
    ])
    // 2026-03-29 is a Sunday: ISO weeks start on Monday.
    expect(seriesOf(report, "discount_amount", AttributionModel.LAST_CLICK, "week", "2026-03-29", "2026-04-02")).toEqual([
      { bucket: "2026-W13", value: 0 },
      { bucket: "2026-W14", value: 900 },
    ])
    expect(seriesOf({ rows: ROWS, ledger: null }, "codes_redeemed", AttributionModel.LAST_CLICK, "day", "2026-04-01", "2026-04-01")).toEqual([
      { bucket: "2026-04-01", value: null },
    ])
  })

  it("adds up, over any granularity, to the metric's total", () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => daysBetween("2026-01-01", "2026-05-01")[n])
    const generated = fc.array(
      fc.record({ day, model: fc.constantFrom(...Object.values(AttributionModel)), metric: fc.constantFrom(...METRICS), value: fc.integer({ min: 0, max: 1000 }) }),
      { maxLength: 20 }
    )
    fc.assert(
      fc.property(generated, fc.constantFrom(...METRICS), fc.constantFrom("day" as const, "week" as const, "month" as const), (rows, metric, granularity) => {
        const report = { rows: rows.map((r) => row(r.day, r.model, { [r.metric]: r.value })), ledger: [] }
        const points = seriesOf(report, metric, AttributionModel.CODE, granularity, "2026-01-01", "2026-05-01")
        expect(points.reduce((total, point) => total + point.value!, 0)).toBe(metricTotal(report, metric, AttributionModel.CODE))
      })
    )
  })
})

describe("previousDays", () => {
  it("goes back by whole months for whole months, else by as many days", () => {
    expect(previousDays("2026-03-01", "2026-03-31")).toEqual({ first: "2026-02-01", last: "2026-02-28" })
    expect(previousDays("2026-03-05", "2026-03-11")).toEqual({ first: "2026-02-26", last: "2026-03-04" })
    expect(previousDays("2026-01-01", "2026-01-01")).toEqual({ first: "2025-12-31", last: "2025-12-31" })
  })
})

describe("daysBetween", () => {
  it("lists each day of the range, across a leap day", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"])
    expect(daysBetween("2024-03-02", "2024-03-01")).toEqual([])
  })
})
