import { BuyGetRule } from "../../../../types/promotion/module"
import { matchesTarget, PricedLine } from "./cart-lines"
import { sum } from "./money"

export interface BuyGetApplication {
  /** Unrounded minor units per discounted line id. */
  exact_discounts: Map<string, number>
  /** Rounds of "buy N, get M" that found their items. */
  applications: number
}

interface Pick {
  line: PricedLine
  quantity: number
}

/**
 * Native buy-get (@medusajs/promotion compute-actions/buy-get.js) for one promotion on a cart with no
 * other promotion: the mirror sets buy_rules_min_quantity = buy_quantity, apply_to_quantity =
 * get_quantity, max_quantity = `maxApplyQuantity`, type percentage at get_percentage, allocation each.
 *
 * Each round reserves buy_quantity units of buy-eligible lines (lines that cannot be got first, then
 * the others, each group by line subtotal, largest first), then takes get_quantity units of get-eligible
 * lines by line subtotal, largest first, leaving out the units just reserved, and within the
 * max_quantity still allowed. A round that cannot fill both sides ends the loop; otherwise its units
 * are consumed and the next round starts. Lines are ordered by line subtotal, not unit price, and
 * equal subtotals keep cart order (the native comparator returns 0 and Array.prototype.sort is stable).
 */
export function applyBuyGet(lines: readonly PricedLine[], rule: BuyGetRule, maxApplyQuantity: number): BuyGetApplication {
  const bySubtotalDescending = (a: PricedLine, b: PricedLine) => b.subtotal_minor - a.subtotal_minor
  const buyLines = lines.filter((line) => matchesTarget(line.item, rule.buy_target)).sort(bySubtotalDescending)
  const getLines = lines.filter((line) => matchesTarget(line.item, rule.get_target)).sort(bySubtotalDescending)
  const gettable = new Set(getLines)
  const buyReservationOrder = [...buyLines.filter((line) => !gettable.has(line)), ...buyLines.filter((line) => gettable.has(line))]
  const remainingBuy = new Map(buyLines.map((line) => [line, line.item.quantity]))
  const remainingGet = new Map(getLines.map((line) => [line, line.item.quantity]))
  const exactDiscounts = new Map<string, number>()
  let appliedQuantity = 0
  let applications = 0

  // Every round consumes buy_quantity (≥ 1) units, so the loop ends; native's 1,000-round guard never trips first.
  while (sum([...remainingBuy.values()]) >= rule.buy_quantity) {
    const buyPicks = take(buyReservationOrder, rule.buy_quantity, (line) => remainingBuy.get(line) ?? 0)
    const reservedForBuy = new Map(buyPicks.map((pick) => [pick.line, pick.quantity]))
    // Native caps each pick, not the round, by what max_quantity still allows.
    const allowance = maxApplyQuantity - appliedQuantity
    const getPicks = take(getLines, rule.get_quantity, (line) =>
      Math.min((remainingGet.get(line) ?? 0) - (reservedForBuy.get(line) ?? 0), allowance)
    )
    if (sum(getPicks.map((pick) => pick.quantity)) < rule.get_quantity) {
      break
    }
    applications++
    for (const { line, quantity } of getPicks) {
      const amount = (line.unit_minor * quantity * rule.get_percentage) / 100
      // A free line gets nothing and, as natively, does not count against max_quantity.
      if (amount > 0) {
        exactDiscounts.set(line.item.id, (exactDiscounts.get(line.item.id) ?? 0) + amount)
        appliedQuantity += quantity
      }
    }
    for (const { line, quantity } of [...buyPicks, ...getPicks]) {
      for (const remaining of [remainingBuy, remainingGet]) {
        const left = remaining.get(line)
        if (left !== undefined) {
          remaining.set(line, left - quantity)
        }
      }
    }
  }
  return { exact_discounts: exactDiscounts, applications }
}

/** Up to `wanted` units from `lines` in order, as many from each as `available` says. */
function take(lines: readonly PricedLine[], wanted: number, available: (line: PricedLine) => number): Pick[] {
  const picks: Pick[] = []
  let taken = 0
  for (const line of lines) {
    const quantity = Math.min(available(line), wanted - taken)
    if (quantity > 0) {
      picks.push({ line, quantity })
      taken += quantity
    }
  }
  return picks
}

/**
 * How many more units the cart needs before one round of the rule applies, assuming each unit added
 * is of the kind missing. Native's reservation order (buy with lines that cannot be got first) is
 * optimal, so a round applies exactly when buy_quantity units fit in the buy-eligible units, and
 * get_quantity units fit in the get-eligible units left over.
 */
export function buyGetShortfall(lines: readonly PricedLine[], rule: BuyGetRule): number {
  let buyOnly = 0
  let getOnly = 0
  let both = 0
  for (const { item } of lines) {
    const buys = matchesTarget(item, rule.buy_target)
    const gets = matchesTarget(item, rule.get_target)
    if (buys && gets) both += item.quantity
    else if (buys) buyOnly += item.quantity
    else if (gets) getOnly += item.quantity
  }
  const buyNeedsFromBoth = Math.max(0, rule.buy_quantity - buyOnly)
  const getNeedsFromBoth = Math.max(0, rule.get_quantity - getOnly)
  return Math.max(0, buyNeedsFromBoth + getNeedsFromBoth - both)
}
