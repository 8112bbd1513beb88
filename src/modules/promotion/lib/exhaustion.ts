import { IneligibilityReason } from "../../../types/promotion/module"

type Counters = {
  usage_limit: number | null
  used_count: number
  budget_amount: number | string | null
  spent_amount: number | string
}

export type Exhaustion = typeof IneligibilityReason.LIMIT_REACHED | typeof IneligibilityReason.BUDGET_EXHAUSTED

/**
 * Why no new shopper can use a promotion now, or null: its uses are all held (reserved or redeemed)
 * or its budget is spent. A released reservation makes it usable again, so this is read, never stored.
 */
export function exhaustion(promotion: Counters): Exhaustion | null {
  if (promotion.usage_limit !== null && promotion.used_count >= promotion.usage_limit) {
    return IneligibilityReason.LIMIT_REACHED
  }
  if (promotion.budget_amount !== null && Number(promotion.spent_amount) >= Number(promotion.budget_amount)) {
    return IneligibilityReason.BUDGET_EXHAUSTED
  }
  return null
}
