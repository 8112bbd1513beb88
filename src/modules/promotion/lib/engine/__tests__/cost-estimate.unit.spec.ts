import { PromotionStatus, PromotionTerms, PromotionType } from "../../../../../types/promotion/module"
import { CostEstimate, CostEstimateOptions, CustomerOrderHistory, estimateCost } from "../cost-estimate"
import { cart, item, NOW, terms } from "./fixtures"

const order = (subtotal: number, currency_code = "eur") => cart([item("A", 1, subtotal)], { currency_code, customer_id: null })

/** €5 off orders of €20 or more: A has two eligible orders of three, B one, C none, D no orders. */
const FIVE_OFF_TWENTY: Partial<PromotionTerms> = { type: PromotionType.FIXED, value: 5, currency_code: "eur", min_subtotal: 20 }
const HISTORY: CustomerOrderHistory[] = [
  { customer_id: "cus_a", orders: [order(30), order(10), order(25)] },
  { customer_id: "cus_b", orders: [order(50)] },
  { customer_id: "cus_c", orders: [order(15)] },
  { customer_id: "cus_d", orders: [] },
]
const COUNTS = { customers: 4, customers_with_eligible_orders: 2, orders_considered: 5, eligible_orders: 3, currency_code: "eur" }

type Expected = Pick<CostEstimate, "expected_redemptions" | "expected_cost" | "capped_by">

describe("estimateCost: limits and caps", () => {
  it.each<[string, Partial<PromotionTerms>, CostEstimateOptions, Expected]>([
    ["every eligible order redeems", {}, {}, { expected_redemptions: 3, expected_cost: 15, capped_by: null }],
    ["one per customer, earliest first", { per_customer_limit: 1 }, {}, { expected_redemptions: 2, expected_cost: 10, capped_by: null }],
    ["a per-customer limit above anyone's orders", { per_customer_limit: 5 }, {}, { expected_redemptions: 3, expected_cost: 15, capped_by: null }],
    ["a usage limit below the redemptions", { usage_limit: 2 }, {}, { expected_redemptions: 2, expected_cost: 10, capped_by: "usage_limit" }],
    ["a usage limit exactly at the redemptions", { usage_limit: 3 }, {}, { expected_redemptions: 3, expected_cost: 15, capped_by: null }],
    ["a budget below the cost pays for fewer, whole redemptions", { budget_amount: 12 }, {}, { expected_redemptions: 2, expected_cost: 12, capped_by: "budget" }],
    ["a budget exactly at the cost", { budget_amount: 15 }, {}, { expected_redemptions: 3, expected_cost: 15, capped_by: null }],
    ["usage limit, then a budget that binds too", { usage_limit: 2, budget_amount: 8 }, {}, { expected_redemptions: 1, expected_cost: 8, capped_by: "budget" }],
    ["usage limit, then a budget that does not bind", { usage_limit: 2, budget_amount: 20 }, {}, { expected_redemptions: 2, expected_cost: 10, capped_by: "usage_limit" }],
    ["a redemption rate scales redemptions, rounded half up to whole ones", {}, { redemption_rate: 0.5 }, { expected_redemptions: 2, expected_cost: 7.5, capped_by: null }],
    ["the rate applies before the usage limit", { usage_limit: 2 }, { redemption_rate: 0.5 }, { expected_redemptions: 2, expected_cost: 7.5, capped_by: null }],
    ["a rate that still hits the usage limit", { usage_limit: 1 }, { redemption_rate: 0.5 }, { expected_redemptions: 1, expected_cost: 5, capped_by: "usage_limit" }],
    ["a rate of 0", { budget_amount: 1 }, { redemption_rate: 0 }, { expected_redemptions: 0, expected_cost: 0, capped_by: null }],
    ["fewer than half a redemption expected rounds to none", {}, { redemption_rate: 0.1 }, { expected_redemptions: 0, expected_cost: 1.5, capped_by: null }],
    ["a fraction above a half rounds up", {}, { redemption_rate: 0.2 }, { expected_redemptions: 1, expected_cost: 3, capped_by: null }],
    ["a budget that pays for an exact number of redemptions", { budget_amount: 10 }, {}, { expected_redemptions: 2, expected_cost: 10, capped_by: "budget" }],
    ["a budget that pays for almost another redemption", { budget_amount: 14.99 }, {}, { expected_redemptions: 2, expected_cost: 14.99, capped_by: "budget" }],
    ["a budget of nothing", { budget_amount: 0 }, {}, { expected_redemptions: 0, expected_cost: 0, capped_by: "budget" }],
    ["a sample of a segment ten times its size", {}, { population_scale: 10 }, { expected_redemptions: 30, expected_cost: 150, capped_by: null }],
    ["a scaled sample, then the usage limit", { usage_limit: 12 }, { population_scale: 10 }, { expected_redemptions: 12, expected_cost: 60, capped_by: "usage_limit" }],
    ["rate and scale together", {}, { redemption_rate: 0.5, population_scale: 4 }, { expected_redemptions: 6, expected_cost: 30, capped_by: null }],
  ])("%s", (_, overrides, options, expected) => {
    expect(estimateCost(terms({ ...FIVE_OFF_TWENTY, ...overrides }), HISTORY, options)).toEqual({
      ...COUNTS,
      average_discount: 5,
      ...expected,
    })
  })

  it.each([-0.1, 1.1, NaN])("refuses a redemption rate of %p", (redemption_rate) => {
    expect(() => estimateCost(terms(FIVE_OFF_TWENTY), HISTORY, { redemption_rate })).toThrow(RangeError)
  })

  it.each([0.5, Infinity, NaN])("refuses a population scale of %p", (population_scale) => {
    expect(() => estimateCost(terms(FIVE_OFF_TWENTY), HISTORY, { population_scale })).toThrow(RangeError)
  })
})

describe("estimateCost: which orders count", () => {
  const tenPercent = (overrides: Partial<PromotionTerms> = {}) => terms({ type: PromotionType.PERCENTAGE, value: 10, ...overrides })

  it("redeems on each customer's earliest eligible orders and averages those", () => {
    const history = [
      { customer_id: "cus_a", orders: [order(100), order(50)] },
      { customer_id: "cus_b", orders: [order(10), order(300)] },
    ]
    expect(estimateCost(tenPercent({ per_customer_limit: 1 }), history)).toMatchObject({
      eligible_orders: 4,
      expected_redemptions: 2,
      expected_cost: 11,
      average_discount: 5.5,
    })
  })

  it.each<[string, Partial<PromotionTerms>]>([
    ["ignores the window and status", { status: PromotionStatus.ENDED, starts_at: new Date(NOW.getTime() + 1), ends_at: NOW }],
    ["counts the segment's customers as members, signed in", { segment_id: "mseg_1" }],
  ])("%s", (_, overrides) => {
    const history = [{ customer_id: "cus_a", orders: [order(100)] }]
    expect(estimateCost(tenPercent(overrides), history)).toMatchObject({ eligible_orders: 1, expected_cost: 10 })
  })

  it("still checks customer groups against each order", () => {
    const history = [
      {
        customer_id: "cus_a",
        orders: [order(100), { ...order(100), customer_group_ids: ["vip"] }],
      },
    ]
    expect(estimateCost(tenPercent({ customer_group_ids: ["vip"] }), history)).toMatchObject({ eligible_orders: 1, expected_cost: 10 })
  })

  it.each<[string, Partial<PromotionTerms>, CostEstimateOptions, string, number]>([
    ["the terms' currency, lower-cased", { currency_code: "EUR" }, {}, "eur", 10],
    ["the option's when the terms have none", {}, { currency_code: "USD" }, "usd", 20],
    ["the first order's otherwise", {}, {}, "eur", 10],
  ])("estimates in %s; orders in other currencies are not eligible", (_, overrides, options, currency, cost) => {
    const history = [{ customer_id: "cus_a", orders: [order(100, "eur"), order(200, "usd")] }]
    expect(estimateCost(tenPercent(overrides), history, options)).toMatchObject({
      orders_considered: 2,
      eligible_orders: 1,
      currency_code: currency,
      expected_cost: cost,
    })
  })

  it("rounds amounts to the currency", () => {
    const history = [{ customer_id: "cus_a", orders: [order(1005, "jpy"), order(1000, "jpy"), order(1000, "jpy")] }]
    // discounts ¥101 (100.5 rounded up), ¥100, ¥100: average 100.33, a third of the redemptions 1, cost ¥100
    expect(estimateCost(tenPercent(), history, { redemption_rate: 1 / 3 })).toMatchObject({
      average_discount: 100,
      expected_redemptions: 1,
      expected_cost: 100,
      currency_code: "jpy",
    })
  })

  it("is all zeros with nobody to look at", () => {
    expect(estimateCost(tenPercent(), [])).toEqual({
      customers: 0,
      customers_with_eligible_orders: 0,
      orders_considered: 0,
      eligible_orders: 0,
      expected_redemptions: 0,
      expected_cost: 0,
      average_discount: 0,
      currency_code: null,
      capped_by: null,
    })
  })
})
