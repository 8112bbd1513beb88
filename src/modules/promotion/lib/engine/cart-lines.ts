import { CartSnapshotItem, PromotionItemTarget } from "../../../../types/promotion/module"
import { exactMinor, roundHalfAwayFromZero, sum } from "./money"

/** A cart line in the cart currency's minor units. */
export interface PricedLine {
  item: CartSnapshotItem
  /** Unrounded: native promotions take a unit's price as the line subtotal over its quantity. */
  unit_minor: number
  /** unit × quantity, rounded: the line's subtotal as the cart shows it. */
  subtotal_minor: number
}

/** Lines with a quantity: an empty line is in no promotion's reach, native or ours. */
export function priceLines(items: readonly CartSnapshotItem[], currencyCode: string): PricedLine[] {
  return items
    .filter((item) => item.quantity > 0)
    .map((item) => {
      const unitMinor = exactMinor(item.unit_price, currencyCode)
      return {
        item,
        unit_minor: unitMinor,
        subtotal_minor: roundHalfAwayFromZero(unitMinor * item.quantity),
      }
    })
}

export const itemSubtotalMinor = (lines: readonly PricedLine[]) => sum(lines.map((line) => line.subtotal_minor))

/**
 * Native target rules, one per non-empty list, all of which must hold: product id in the list, any
 * of the item's categories in the list, collection id in the list. Empty lists mean any item.
 */
export function matchesTarget(item: CartSnapshotItem, target: PromotionItemTarget): boolean {
  const inList = (ids: readonly string[], value: string | null) => ids.length === 0 || (value !== null && ids.includes(value))
  return (
    inList(target.product_ids, item.product_id) &&
    (target.category_ids.length === 0 || item.category_ids.some((id) => target.category_ids.includes(id))) &&
    inList(target.collection_ids, item.collection_id)
  )
}
