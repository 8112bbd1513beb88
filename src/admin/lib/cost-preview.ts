import type { AdminPromotion, CostPreviewResponse, CostPreviewTerms } from "../types/promotions"
import { formatNumber } from "./format"

/** The terms the cost preview replays, from the stored promotion. */
export const costPreviewTerms = (promotion: AdminPromotion): CostPreviewTerms => ({
  type: promotion.type,
  value: promotion.value,
  currency_code: promotion.currency_code,
  tiers: promotion.tiers,
  buy_get: promotion.buy_get,
  target: promotion.target,
  customer_group_ids: promotion.customer_group_ids,
  min_subtotal: promotion.min_subtotal,
  usage_limit: promotion.usage_limit,
  per_customer_limit: promotion.per_customer_limit,
  budget_amount: promotion.budget_amount,
})

const plural = (count: number, one: string, many: string) => `${formatNumber(count)} ${count === 1 ? one : many}`

/**
 * How the estimate was reached, in words: which orders were replayed, how many would have qualified,
 * and which limit, if any, cut it short. It mirrors the engine's estimateCost.
 */
export function costPreviewMethod(
  { estimate, segment_size, customers_sampled, lookback_days }: CostPreviewResponse,
  promotion: Pick<AdminPromotion, "per_customer_limit">
): string {
  const who =
    customers_sampled < segment_size
      ? `a random ${plural(customers_sampled, "customer", "customers")} of the segment's ${formatNumber(segment_size)}, scaled up`
      : `the segment's ${plural(segment_size, "customer", "customers")}`
  const sentences = [
    `The terms were replayed on the orders of the last ${plural(lookback_days, "day", "days")} of ${who}, as if each were a cart today.`,
    `${formatNumber(estimate.eligible_orders)} of ${plural(estimate.orders_considered, "order", "orders")} would have qualified, from ${plural(estimate.customers_with_eligible_orders, "customer", "customers")}.`,
    promotion.per_customer_limit == null
      ? "Every qualifying order counts as a redemption."
      : `Each customer redeems on their earliest ${plural(promotion.per_customer_limit, "qualifying order", "qualifying orders")} at most.`,
  ]
  if (estimate.capped_by === "usage_limit") sentences.push("The usage limit caps the redemptions.")
  if (estimate.capped_by === "budget") {
    sentences.push("The budget caps the cost: redemptions stop once it is spent, at the last one it pays for in full.")
  } else {
    sentences.push("Redemptions are rounded to whole ones; the cost is the expected cost before rounding.")
  }
  return sentences.join(" ")
}
