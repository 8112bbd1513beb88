import { toMinor } from "../../promotion/lib/engine/money"
import { returnOnInvestment } from "./rates"

/** A campaign's money in a report's currency, every amount in minor units. */
export interface CampaignRoi {
  /** Attributed order totals after discounts, less their refunds. */
  net_revenue: number
  /** The discounts its promotions gave (the promotion ledger), which its budget caps. */
  spend: number
  /** Its budget; null when it has none, or has one in another currency (which cannot be set against this one). */
  budget: number | null
  /** Spend per budget. */
  budget_used: number | null
  /** (net revenue − cost) / cost, the cost being the spend, or the budget while nothing was spent. */
  roi: number | null
}

/**
 * Sets a campaign's net attributed revenue against its spend and budget. The rollup keeps minor
 * units; the campaign keeps its budget in major units, as Medusa keeps money, in its own currency.
 */
export function campaignRoi(input: {
  currency_code: string
  net_revenue: number
  spend: number
  budget_amount: number | null
  budget_currency_code: string | null
}): CampaignRoi {
  const comparable =
    input.budget_amount !== null && input.budget_currency_code?.toLowerCase() === input.currency_code.toLowerCase()
  const budget = comparable ? toMinor(input.budget_amount!, input.currency_code) : null
  return {
    net_revenue: input.net_revenue,
    spend: input.spend,
    budget,
    budget_used: budget ? input.spend / budget : null,
    roi: returnOnInvestment({ net_revenue: input.net_revenue, spend: input.spend, budget }),
  }
}
