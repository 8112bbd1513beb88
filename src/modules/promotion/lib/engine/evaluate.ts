import {
  CartSnapshot,
  IneligibilityReason,
  PromotionTerms,
  PromotionUsage,
} from "../../../../types/promotion/module"
import { budgetExhausted, checkAvailability } from "./availability"
import { itemSubtotalMinor, priceLines } from "./cart-lines"
import { computeDiscount, spendMore } from "./discount"
import { ineligible, PromotionEvaluation } from "./evaluation"
import { fromMinor, sum, toMinor } from "./money"
import { assertEvaluableTerms } from "./terms"

const sameCurrency = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/**
 * A promotion against a cart at `now`. Checks run in this order and the first failure is the answer:
 *   1. availability (see checkAvailability), for the cart's customer;
 *   2. currency_mismatch: the cart is not in the promotion's currency. Any promotion with a
 *      currency_code is held to it, as the mirror's native `currency_code` rule is; fixed, tiered,
 *      min_subtotal and budget cannot be without one;
 *   3. not_eligible: the customer is not in the segment, or in none of the customer groups;
 *   4. minimum_not_met: item subtotal (every item, before discounts) below min_subtotal, then below
 *      the lowest tier;
 *   5. no_matching_items: no targeted item with a price, or not enough items for a buy-get round;
 *   6. budget_exhausted: this discount would take spent past the budget.
 * Throws InvalidPromotionTermsError for available terms that termsProblem rejects.
 */
export function evaluatePromotion(
  terms: PromotionTerms,
  cart: CartSnapshot,
  usage: PromotionUsage,
  now: Date
): PromotionEvaluation {
  const unavailable = checkAvailability(terms, usage, now, cart.customer_id)
  if (unavailable) {
    return unavailable
  }
  // After availability: a draft may still be incomplete, and is simply not active.
  assertEvaluableTerms(terms)
  const currency = cart.currency_code
  if (terms.currency_code && !sameCurrency(terms.currency_code, currency)) {
    return ineligible(
      IneligibilityReason.CURRENCY_MISMATCH,
      `This offer is only available for purchases in ${terms.currency_code.toUpperCase()}.`
    )
  }
  const outsideSegment = terms.segment_id !== null && !cart.segment_ids.includes(terms.segment_id)
  const outsideGroups =
    terms.customer_group_ids.length > 0 && !terms.customer_group_ids.some((id) => cart.customer_group_ids.includes(id))
  if (outsideSegment || outsideGroups) {
    return ineligible(IneligibilityReason.NOT_ELIGIBLE, "This offer is not available for your account.")
  }
  const lines = priceLines(cart.items, currency)
  const itemSubtotal = itemSubtotalMinor(lines)
  if (terms.min_subtotal !== null && itemSubtotal < toMinor(terms.min_subtotal, currency)) {
    return spendMore(toMinor(terms.min_subtotal, currency) - itemSubtotal, currency)
  }
  const discount = computeDiscount(terms, cart, lines)
  if ("reason" in discount) {
    return discount
  }
  const discountMinor = sum([...discount.items.values(), ...discount.shipping.values()])
  if (
    terms.budget_amount !== null &&
    toMinor(usage.spent, currency) + discountMinor > toMinor(terms.budget_amount, currency)
  ) {
    return budgetExhausted()
  }
  const inMajorUnits = (amounts: Map<string, number>) =>
    Object.fromEntries([...amounts].filter(([, minor]) => minor > 0).map(([id, minor]) => [id, fromMinor(minor, currency)]))
  return {
    eligible: true,
    discount: fromMinor(discountMinor, currency),
    item_discounts: inMajorUnits(discount.items),
    shipping_discounts: inMajorUnits(discount.shipping),
    tier: discount.tier,
  }
}
