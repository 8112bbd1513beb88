import { bucketOfDay, Granularity } from "./periods"
import { ReportRow, daysBetween } from "./report"

/** What a promotion's rollup rows add up to: orders that used it, their revenue, codes and discount (minor units). */
export interface PromotionTotals {
  /** Orders placed with the promotion: its redemptions. */
  orders: number
  /** What those orders came to, after their discounts. */
  revenue: number
  codes_redeemed: number
  discount_amount: number
  /** Revenue per order; null without orders. */
  average_order_value: number | null
  /** Discount per unit of revenue (0.1: every 10.00 of revenue cost 1.00 of discount); null without revenue. */
  discount_rate: number | null
}

export type PromotionPoint = { bucket: string } & Pick<PromotionTotals, "orders" | "revenue" | "codes_redeemed" | "discount_amount">

/** A campaign or journey (or neither: the shopper came without a tracked click) and the orders it brought that used the promotion. */
export interface PromotionDriver {
  campaign_id: string | null
  journey_id: string | null
  orders: number
  revenue: number
  discount_amount: number
}

const empty = () => ({ orders: 0, revenue: 0, codes_redeemed: 0, discount_amount: 0 })

/**
 * A promotion's rows per bucket of the days `first`..`last`, every bucket present. Its rows are all
 * credited by no model: orders and revenue of every order that used it, codes and discount from the ledger.
 */
export function promotionSeries(
  rows: ReportRow[],
  granularity: Exclude<Granularity, "hour">,
  first: string,
  last: string
): PromotionPoint[] {
  const points = new Map(daysBetween(first, last).map((day) => [bucketOfDay(day, granularity), { bucket: bucketOfDay(day, granularity), ...empty() }]))
  for (const row of rows) {
    const point = points.get(bucketOfDay(row.day, granularity))
    if (!point) continue
    point.orders += row.orders
    point.revenue += row.revenue
    point.codes_redeemed += row.codes_redeemed
    point.discount_amount += row.discount_amount
  }
  return [...points.values()]
}

export function promotionTotals(points: PromotionPoint[]): PromotionTotals {
  const total = empty()
  for (const point of points) {
    total.orders += point.orders
    total.revenue += point.revenue
    total.codes_redeemed += point.codes_redeemed
    total.discount_amount += point.discount_amount
  }
  return {
    ...total,
    average_order_value: total.orders > 0 ? total.revenue / total.orders : null,
    discount_rate: total.revenue > 0 ? total.discount_amount / total.revenue : null,
  }
}

/**
 * The budget as it stands (all time, not the range): what is held by carts and given by orders
 * (`spent`, the ledger's running figure) against `budget`, both in minor units. Null without a budget.
 */
export function budgetUse(spent: number, budget: number | null): { budget: number; spent: number; remaining: number; used: number } | null {
  if (budget === null || budget <= 0) return null
  return { budget, spent, remaining: Math.max(budget - spent, 0), used: spent / budget }
}
