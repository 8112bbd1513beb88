import {
  CartSnapshot,
  IneligibilityReason,
  PromotionTerms,
  PromotionTier,
  PromotionType,
} from "../../../../types/promotion/module"
import { applyBuyGet, buyGetShortfall } from "./buy-get"
import { itemSubtotalMinor, matchesTarget, PricedLine } from "./cart-lines"
import { Ineligibility, ineligible, plural } from "./evaluation"
import { allocateMinor, formatMoney, fromMinor, roundHalfAwayFromZero, sum, toMinor } from "./money"

/** A promotion's discount on a cart, in the cart currency's minor units, before any limit is checked. */
export interface MinorDiscount {
  items: Map<string, number>
  shipping: Map<string, number>
  tier: PromotionTier | null
}

export const spendMore = (shortMinor: number, currencyCode: string) =>
  ineligible(
    IneligibilityReason.MINIMUM_NOT_MET,
    `Spend ${formatMoney(fromMinor(shortMinor, currencyCode), currencyCode)} more to use this offer.`
  )

const noMatchingItems = () =>
  ineligible(IneligibilityReason.NO_MATCHING_ITEMS, "None of the items in your cart are included in this offer.")

/**
 * The tier a subtotal reaches: the highest threshold at or below it (of equal thresholds, the larger
 * value). Thresholds are compared with the cart's whole item subtotal, as the mirror's native
 * `item_subtotal` rules do, not with the targeted items' subtotal.
 */
function reachedTier(tiers: readonly PromotionTier[], subtotalMinor: number, currencyCode: string) {
  return tiers
    .filter((tier) => toMinor(tier.threshold, currencyCode) <= subtotalMinor)
    .sort((a, b) => b.threshold - a.threshold || b.value - a.value)[0]
}

/**
 * Native "across" allocation on the targeted lines (subtotal above zero): each line's share of a
 * total in proportion to its subtotal, which for a percentage is the same as the percentage of each
 * line. The total is rounded once and split by largest remainder, where native keeps each line's
 * share unrounded: lines may differ from native by less than one minor unit, the total does not.
 */
function acrossTargetedLines(
  terms: PromotionTerms,
  lines: readonly PricedLine[],
  totalFor: (targetedSubtotalMinor: number) => number,
  tier: PromotionTier | null = null
): MinorDiscount | Ineligibility {
  const targeted = lines.filter((line) => line.subtotal_minor > 0 && matchesTarget(line.item, terms.target))
  if (targeted.length === 0) {
    return noMatchingItems()
  }
  const subtotals = targeted.map((line) => line.subtotal_minor)
  const total = Math.min(totalFor(sum(subtotals)), sum(subtotals))
  const parts = allocateMinor(total, subtotals)
  return { items: new Map(targeted.map((line, index) => [line.item.id, parts[index]])), shipping: new Map(), tier }
}

/** Checks that need the discount itself: tier reached, items targeted, buy-get satisfied. Terms must be evaluable. */
export function computeDiscount(
  terms: PromotionTerms,
  cart: CartSnapshot,
  lines: readonly PricedLine[]
): MinorDiscount | Ineligibility {
  const currency = cart.currency_code
  const value = terms.value ?? 0
  switch (terms.type) {
    case PromotionType.PERCENTAGE:
      return acrossTargetedLines(terms, lines, (targeted) => roundHalfAwayFromZero((targeted * value) / 100))
    case PromotionType.FIXED:
      return acrossTargetedLines(terms, lines, () => toMinor(value, currency))
    case PromotionType.TIERED: {
      const tiers = terms.tiers ?? []
      const subtotal = itemSubtotalMinor(lines)
      const tier = reachedTier(tiers, subtotal, currency)
      if (!tier) {
        const lowestThreshold = Math.min(...tiers.map((candidate) => toMinor(candidate.threshold, currency)))
        return spendMore(lowestThreshold - subtotal, currency)
      }
      return acrossTargetedLines(terms, lines, () => toMinor(tier.value, currency), tier)
    }
    case PromotionType.FREE_SHIPPING: {
      // Native: 100 % "across" every shipping method, none targeted; a method costing nothing gets nothing.
      const shipping = cart.shipping_methods
        .map((method) => [method.id, toMinor(method.amount, currency)] as const)
        .filter(([, amount]) => amount > 0)
      return { items: new Map(), shipping: new Map(shipping), tier: null }
    }
    case PromotionType.BUY_GET: {
      const rule = terms.buy_get!
      // The mirror sets native max_quantity to get_quantity, so one round applies per cart.
      const { exact_discounts, applications } = applyBuyGet(lines, rule, rule.get_quantity)
      if (applications === 0) {
        const missing = buyGetShortfall(lines, rule)
        return ineligible(
          IneligibilityReason.NO_MATCHING_ITEMS,
          `Add ${plural(missing, "more qualifying item", "more qualifying items")} to use this offer.`
        )
      }
      const exact = [...exact_discounts.values()]
      const parts = allocateMinor(roundHalfAwayFromZero(sum(exact)), exact)
      return { items: new Map([...exact_discounts.keys()].map((id, index) => [id, parts[index]])), shipping: new Map(), tier: null }
    }
  }
}
