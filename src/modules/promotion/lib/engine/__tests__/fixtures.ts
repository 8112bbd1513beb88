import {
  CartSnapshot,
  CartSnapshotItem,
  PromotionItemTarget,
  PromotionStatus,
  PromotionTerms,
  PromotionType,
  PromotionUsage,
  StackingRule,
} from "../../../../../types/promotion/module"
import { EligibleEvaluation, PromotionEvaluation } from "../evaluation"

export const NOW = new Date("2026-12-02T12:00:00.000Z")

export const ANY_ITEM: PromotionItemTarget = { product_ids: [], category_ids: [], collection_ids: [] }

export const products = (...product_ids: string[]): PromotionItemTarget => ({ ...ANY_ITEM, product_ids })

export function terms(overrides: Partial<PromotionTerms> = {}): PromotionTerms {
  return {
    id: "mpromo_test",
    type: PromotionType.PERCENTAGE,
    status: PromotionStatus.ACTIVE,
    value: 10,
    currency_code: null,
    tiers: null,
    buy_get: null,
    target: ANY_ITEM,
    segment_id: null,
    customer_group_ids: [],
    min_subtotal: null,
    starts_at: null,
    ends_at: null,
    usage_limit: null,
    per_customer_limit: null,
    budget_amount: null,
    stacking: StackingRule.STACKABLE,
    priority: 0,
    ...overrides,
  }
}

export const unused: PromotionUsage = { used: 0, spent: 0, used_by_customer: 0 }

/** A line of product `product_id` (its id is the product's lower-cased, unless overridden). */
export function item(product_id: string, quantity: number, unit_price: number, overrides: Partial<CartSnapshotItem> = {}): CartSnapshotItem {
  return {
    id: `item_${product_id.toLowerCase()}`,
    product_id,
    category_ids: [],
    collection_id: null,
    quantity,
    unit_price,
    ...overrides,
  }
}

export function cart(items: CartSnapshotItem[], overrides: Partial<CartSnapshot> = {}): CartSnapshot {
  return {
    currency_code: "eur",
    customer_id: "cus_1",
    customer_group_ids: [],
    segment_ids: [],
    items,
    shipping_methods: [],
    ...overrides,
  }
}

/** Narrows an evaluation that a test expects to be eligible, failing with its reason otherwise. */
export function expectEligible(evaluation: PromotionEvaluation): EligibleEvaluation {
  if (!evaluation.eligible) {
    throw new Error(`expected an eligible evaluation, got ${evaluation.reason}: ${evaluation.message}`)
  }
  return evaluation
}
