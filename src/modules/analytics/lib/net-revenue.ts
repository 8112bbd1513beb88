/** What happened to an order after it was placed, in minor units. */
export type OrderAdjustment = { kind: "refund"; amount: number } | { kind: "cancel" }

/**
 * An order's revenue for ROI: gross is what the items were worth before discounts, net what the
 * store kept after discounts and refunds. A cancelled order keeps nothing; refunds never take it below 0.
 * `revenue` is the order's total, discounts already taken off (as Medusa's order total is).
 */
export function orderRevenue(
  order: { revenue: number; discount_amount: number },
  adjustments: OrderAdjustment[]
): { gross: number; net: number } {
  const gross = order.revenue + order.discount_amount
  if (adjustments.some((adjustment) => adjustment.kind === "cancel")) return { gross, net: 0 }
  const refunded = adjustments.reduce((sum, adjustment) => sum + (adjustment.kind === "refund" ? adjustment.amount : 0), 0)
  return { gross, net: Math.max(0, order.revenue - refunded) }
}
