import { campaignRoi } from "../campaign-roi"

describe("campaignRoi", () => {
  it("turns a budget in major units into the rollup's minor units before comparing", () => {
    // €500.00 budget, €120.00 given in discounts, €1,500.00 kept: cost is the spend.
    expect(
      campaignRoi({ currency_code: "eur", net_revenue: 150_000, spend: 12_000, budget_amount: 500, budget_currency_code: "EUR" })
    ).toEqual({ net_revenue: 150_000, spend: 12_000, budget: 50_000, budget_used: 0.24, roi: 11.5 })
  })

  it("knows currencies without minor units and with three digits", () => {
    expect(campaignRoi({ currency_code: "jpy", net_revenue: 30_000, spend: 0, budget_amount: 10_000, budget_currency_code: "jpy" }))
      .toEqual({ net_revenue: 30_000, spend: 0, budget: 10_000, budget_used: 0, roi: 2 })
    expect(campaignRoi({ currency_code: "kwd", net_revenue: 2_000, spend: 500, budget_amount: 1.25, budget_currency_code: "kwd" }))
      .toMatchObject({ budget: 1_250, budget_used: 0.4, roi: 3 })
  })

  it("rounds a budget's fraction of a cent like the ledger does", () => {
    expect(campaignRoi({ currency_code: "usd", net_revenue: 0, spend: 0, budget_amount: 10.005, budget_currency_code: "usd" }).budget).toBe(1_001)
  })

  it("sets no budget of another currency against the report's, and has no ROI without a cost", () => {
    expect(campaignRoi({ currency_code: "eur", net_revenue: 9_000, spend: 0, budget_amount: 500, budget_currency_code: "usd" }))
      .toEqual({ net_revenue: 9_000, spend: 0, budget: null, budget_used: null, roi: null })
    expect(campaignRoi({ currency_code: "eur", net_revenue: 9_000, spend: 1_000, budget_amount: null, budget_currency_code: null }))
      .toEqual({ net_revenue: 9_000, spend: 1_000, budget: null, budget_used: null, roi: 8 })
  })
})
