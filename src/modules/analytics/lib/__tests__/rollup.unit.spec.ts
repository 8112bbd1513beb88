import fc from "fast-check"
import { AttributionModel, RollupDimension } from "../../../../types/analytics"
import { orderRevenue } from "../net-revenue"
import { ratesOf, returnOnInvestment } from "../rates"
import { addTo, METRICS, mergeRollups, Rollup, rollupRows, zeroMetrics } from "../rollup"

const key = fc.record({
  day: fc.constantFrom("2026-05-01", "2026-05-02"),
  dimension: fc.constantFrom(...Object.values(RollupDimension)),
  dimension_id: fc.constantFrom("", "a", "b"),
  attribution_model: fc.constantFrom(...Object.values(AttributionModel)),
  currency_code: fc.constantFrom("", "eur", "usd"),
})
const rollup = fc
  .array(fc.tuple(key, fc.dictionary(fc.constantFrom(...METRICS), fc.integer({ min: -1000, max: 1000 }))), { maxLength: 8 })
  .map((rows) => {
    const built: Rollup = new Map()
    for (const [k, metrics] of rows) addTo(built, k, metrics)
    return built
  })

describe("mergeRollups", () => {
  it("is commutative and associative, with the empty rollup as identity", () => {
    fc.assert(
      fc.property(rollup, rollup, rollup, (a, b, c) => {
        expect(rollupRows(mergeRollups(a, b))).toEqual(rollupRows(mergeRollups(b, a)))
        expect(rollupRows(mergeRollups(mergeRollups(a, b), c))).toEqual(rollupRows(mergeRollups(a, mergeRollups(b, c))))
        expect(rollupRows(mergeRollups(a, new Map()))).toEqual(rollupRows(a))
      })
    )
  })

  it("adds the metrics of equal keys and keeps distinct keys apart", () => {
    const k = { day: "2026-05-01", dimension: "campaign", dimension_id: "c1", attribution_model: "none", currency_code: "" } as const
    const a: Rollup = new Map()
    const b: Rollup = new Map()
    addTo(a, k, { sent: 2, opened: 1 })
    addTo(b, k, { sent: 3 })
    addTo(b, { ...k, currency_code: "eur" }, { revenue: 1250 })
    expect(rollupRows(mergeRollups(a, b))).toEqual([
      { ...k, ...zeroMetrics(), sent: 5, opened: 1 },
      { ...k, currency_code: "eur", ...zeroMetrics(), revenue: 1250 },
    ])
  })
})

describe("ratesOf", () => {
  it("divides by what each rate is of", () => {
    const rates = ratesOf({ ...zeroMetrics(), sent: 200, delivered: 100, opened: 40, clicked: 10, bounced_hard: 4, bounced_soft: 6, unsubscribed: 2, revenue: 50_000 })
    expect(rates).toEqual({
      open_rate: 0.4,
      click_rate: 0.1,
      click_to_open_rate: 0.25,
      bounce_rate: 0.05,
      unsubscribe_rate: 0.02,
      revenue_per_recipient: 250,
    })
  })

  it("is null, not 0 or NaN, where nothing was delivered", () => {
    expect(Object.values(ratesOf(zeroMetrics())).every((rate) => rate === null)).toBe(true)
  })
})

describe("returnOnInvestment", () => {
  it.each([
    [{ net_revenue: 30_000, spend: 10_000, budget: 50_000 }, 2],
    [{ net_revenue: 5_000, spend: 10_000, budget: null }, -0.5],
    [{ net_revenue: 30_000, spend: 0, budget: 15_000 }, 1],
    [{ net_revenue: 30_000, spend: 0, budget: null }, null],
  ])("%j → %p", (input, roi) => expect(returnOnInvestment(input)).toBe(roi))
})

describe("orderRevenue", () => {
  it.each([
    ["untouched", [], { gross: 9000, net: 8000 }],
    ["partly refunded", [{ kind: "refund", amount: 3000 }], { gross: 9000, net: 5000 }],
    ["refunded twice, over the total", [{ kind: "refund", amount: 5000 }, { kind: "refund", amount: 5000 }], { gross: 9000, net: 0 }],
    ["cancelled", [{ kind: "cancel" }], { gross: 9000, net: 0 }],
  ] as const)("%s", (_, adjustments, expected) => {
    expect(orderRevenue({ revenue: 8000, discount_amount: 1000 }, [...adjustments])).toEqual(expected)
  })
})
