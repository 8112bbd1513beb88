import { CartSnapshot, PromotionStatus, PromotionTerms } from "../../../../types/promotion/module"
import { evaluatePromotion } from "./evaluate"
import { fromMinor, roundHalfAwayFromZero, sum, toMinor } from "./money"

/** One of the segment's customers and their orders in the lookback window, earliest first. */
export interface CustomerOrderHistory {
  customer_id: string
  orders: CartSnapshot[]
}

export interface CostEstimateOptions {
  /** Share of eligible redemptions expected to happen, 0..1; 1 (the default) is the upper bound. */
  redemption_rate?: number
  /** The currency to estimate in when the terms have none; else the first order's. */
  currency_code?: string
  /**
   * How many customers each one in `history` stands for, when it is a sample of a larger segment
   * (segment size / sample size, default 1): redemptions are scaled before the caps apply.
   */
  population_scale?: number
}

export interface CostEstimate {
  customers: number
  customers_with_eligible_orders: number
  orders_considered: number
  eligible_orders: number
  /**
   * Whole redemptions, as they happen: the expected number rounded to the nearest (half away from zero),
   * or, when the budget binds, the whole redemptions it pays for (rounded down). `expected_cost` is the
   * expected value before this rounding.
   */
  expected_redemptions: number
  expected_cost: number
  /** Over the redemptions counted in step 2, before any rate or cap. */
  average_discount: number
  /** Null only when neither the terms, the options nor any order has a currency. */
  currency_code: string | null
  capped_by: "usage_limit" | "budget" | null
}

/** The window is ignored, so any moment will do; a fixed one keeps the estimate deterministic. */
const ANY_MOMENT = new Date(0)
const NOBODY_HAS_USED_IT = { used: 0, spent: 0, used_by_customer: 0 }

/**
 * Cost preview: what a promotion would have cost on a segment's recent orders.
 *   1. Every past order is evaluated as if it were a cart today: the promotion active, its window,
 *      usage limit, per-customer limit and budget set aside, nobody having used it, and the customer a
 *      member of the promotion's segment (the history is the segment's). Orders in a currency other
 *      than the estimate's are not eligible.
 *   2. Each customer redeems on their eligible orders earliest first, up to per_customer_limit of
 *      them when there is one.
 *   3. Those redemptions times redemption_rate (default 1, the upper bound), times population_scale
 *      when the history is a sample, are the expected redemptions, at most usage_limit of them.
 *   4. Expected cost is expected redemptions times the average discount of the step-2 redemptions,
 *      at most budget_amount; when the budget binds, expected redemptions become what it pays for
 *      (budget / average discount), since a spent budget stops redemptions.
 * `capped_by` names the cap that bound last. Amounts are rounded to the currency, redemptions to whole
 * ones (see CostEstimate.expected_redemptions).
 */
export function estimateCost(
  terms: PromotionTerms,
  history: readonly CustomerOrderHistory[],
  options: CostEstimateOptions = {}
): CostEstimate {
  const rate = options.redemption_rate ?? 1
  if (!(rate >= 0 && rate <= 1)) {
    throw new RangeError(`redemption_rate must be between 0 and 1, got ${rate}`)
  }
  const scale = options.population_scale ?? 1
  if (!(scale >= 1 && Number.isFinite(scale))) {
    throw new RangeError(`population_scale must be 1 or more, got ${scale}`)
  }
  const orders = history.flatMap((customer) => customer.orders)
  const currency = (terms.currency_code ?? options.currency_code ?? orders[0]?.currency_code ?? null)?.toLowerCase() ?? null
  const asIfToday: PromotionTerms = {
    ...terms,
    status: PromotionStatus.ACTIVE,
    currency_code: currency,
    starts_at: null,
    ends_at: null,
    usage_limit: null,
    per_customer_limit: null,
    budget_amount: null,
  }

  let eligibleOrders = 0
  let customersWithEligibleOrders = 0
  const redemptions: number[] = []
  for (const customer of history) {
    const discounts = customer.orders.flatMap((order) => {
      const evaluation = evaluatePromotion(
        asIfToday,
        {
          ...order,
          customer_id: order.customer_id ?? customer.customer_id,
          segment_ids: terms.segment_id ? [...order.segment_ids, terms.segment_id] : order.segment_ids,
        },
        NOBODY_HAS_USED_IT,
        ANY_MOMENT
      )
      return evaluation.eligible ? [toMinor(evaluation.discount, order.currency_code)] : []
    })
    eligibleOrders += discounts.length
    customersWithEligibleOrders += discounts.length > 0 ? 1 : 0
    redemptions.push(...discounts.slice(0, terms.per_customer_limit ?? discounts.length))
  }

  const averageMinor = redemptions.length ? sum(redemptions) / redemptions.length : 0
  let expectedRedemptions = redemptions.length * rate * scale
  let cappedBy: CostEstimate["capped_by"] = null
  if (terms.usage_limit !== null && expectedRedemptions > terms.usage_limit) {
    expectedRedemptions = terms.usage_limit
    cappedBy = "usage_limit"
  }
  let costMinor = expectedRedemptions * averageMinor
  if (terms.budget_amount !== null && currency !== null && costMinor > toMinor(terms.budget_amount, currency)) {
    costMinor = toMinor(terms.budget_amount, currency)
    expectedRedemptions = costMinor / averageMinor
    cappedBy = "budget"
  }
  const money = (minor: number) => (currency === null ? 0 : fromMinor(roundHalfAwayFromZero(minor), currency))
  return {
    customers: history.length,
    customers_with_eligible_orders: customersWithEligibleOrders,
    orders_considered: orders.length,
    eligible_orders: eligibleOrders,
    expected_redemptions: wholeRedemptions(expectedRedemptions, cappedBy),
    expected_cost: money(costMinor),
    average_discount: money(averageMinor),
    currency_code: currency,
    capped_by: cappedBy,
  }
}

/** Budget / average discount is a ratio of rounded amounts: an exact quotient may come out a hair below. */
const RATIO_TOLERANCE = 1e-9

/** A redemption is whole: a spent budget stops at the last one it pays for in full, a rate rounds. */
function wholeRedemptions(expected: number, cappedBy: CostEstimate["capped_by"]): number {
  return cappedBy === "budget" ? Math.floor(expected + RATIO_TOLERANCE) : roundHalfAwayFromZero(expected)
}
