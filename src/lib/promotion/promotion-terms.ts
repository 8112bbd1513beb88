import { MarketingPromotionDTO } from "../../types/promotion/module"

/** bigNumber columns come back as BigNumber objects; the mirror and the engine take plain numbers. */
export function asTerms(row: MarketingPromotionDTO): MarketingPromotionDTO {
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  return {
    ...row,
    value: number(row.value),
    min_subtotal: number(row.min_subtotal),
    budget_amount: number(row.budget_amount),
    spent_amount: Number(row.spent_amount ?? 0),
    target: row.target ?? { product_ids: [], category_ids: [], collection_ids: [] },
    customer_group_ids: row.customer_group_ids ?? [],
  }
}
