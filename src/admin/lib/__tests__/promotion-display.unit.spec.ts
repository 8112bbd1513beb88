import type { AdminPromotion, CostPreviewResponse } from "../../types/promotions"
import { costPreviewMethod } from "../cost-preview"
import { codeSummary, offerSummary, usageSummary } from "../promotion-display"

const offer = (changes: Partial<AdminPromotion>) =>
  ({ type: "percentage", value: null, currency_code: null, buy_get: null, tiers: null, ...changes }) as AdminPromotion

describe("offerSummary", () => {
  it("says what the shopper gets in a few words", () => {
    expect(offerSummary(offer({ value: 10 }))).toBe("10% off")
    expect(offerSummary(offer({ type: "fixed", value: 5, currency_code: "eur" }))).toMatch(/^€\s?5\.00 off$/)
    expect(offerSummary(offer({ type: "free_shipping" }))).toBe("Free shipping")
    expect(offerSummary(offer({ type: "tiered" }))).toBe("Spend tiers")
    const target = { product_ids: ["prod_1"], category_ids: [], collection_ids: [] }
    const buyGet = { buy_quantity: 2, buy_target: target, get_quantity: 1, get_target: target, get_percentage: 100 }
    expect(offerSummary(offer({ type: "buy_get", buy_get: buyGet }))).toBe("Buy 2 get 1")
    expect(offerSummary(offer({ type: "buy_get", buy_get: { ...buyGet, get_percentage: 50 } }))).toBe("Buy 2 get 1 at 50% off")
  })
})

describe("codeSummary and usageSummary", () => {
  it("show the shared code itself, and uses against the limit when there is one", () => {
    expect(codeSummary({ code_mode: "shared", code: "SPRING10" })).toBe("SPRING10")
    expect(codeSummary({ code_mode: "unique", code: null })).toBe("Generated codes")
    expect(usageSummary({ used_count: 12, usage_limit: 100 })).toBe("12 / 100")
    expect(usageSummary({ used_count: 12, usage_limit: null })).toBe("12")
  })
})

describe("costPreviewMethod", () => {
  const result: CostPreviewResponse = {
    estimate: {
      customers: 2000,
      customers_with_eligible_orders: 300,
      orders_considered: 5000,
      eligible_orders: 900,
      expected_redemptions: 600,
      expected_cost: 500,
      average_discount: 2,
      currency_code: "eur",
      capped_by: "budget",
    },
    segment_size: 10000,
    customers_sampled: 2000,
    lookback_days: 90,
  }

  it("says which orders were replayed, what qualified and which cap bound", () => {
    expect(costPreviewMethod(result, { per_customer_limit: 2 })).toBe(
      "The terms were replayed on the orders of the last 90 days of a random 2,000 customers of the segment's 10,000, scaled up, as if each were a cart today. " +
        "900 of 5,000 orders would have qualified, from 300 customers. " +
        "Each customer redeems on their earliest 2 qualifying orders at most. " +
        "The budget caps the cost: redemptions stop once it is spent, at the last one it pays for in full."
    )
  })

  it("says that expected redemptions are rounded to whole ones when no budget binds", () => {
    const unbounded = { ...result, estimate: { ...result.estimate, capped_by: null } }
    expect(costPreviewMethod(unbounded, { per_customer_limit: null })).toMatch(
      /Every qualifying order counts as a redemption\. Redemptions are rounded to whole ones; the cost is the expected cost before rounding\.$/
    )
  })
})
