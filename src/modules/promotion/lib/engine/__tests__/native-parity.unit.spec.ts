/**
 * The engine against Medusa's own promotion code: each promotion is mirrored with the plugin's
 * nativePromotionInputs, its native cart rules are checked with native areRulesValidForContext (the
 * module filters on them in SQL, with the same operators), and its adjustments are computed with
 * native compute-actions. The engine's discount must be native's
 * total rounded to the currency, each line within one minor unit of native's unrounded amount.
 */
import fc from "fast-check"
import {
  getComputedActionsForBuyGet,
  getComputedActionsForItems,
  getComputedActionsForShippingMethods,
} from "@medusajs/promotion/dist/utils/compute-actions"
import { areRulesValidForContext } from "@medusajs/promotion/dist/utils/validations"
import { ComputeActions, CreatePromotionDTO, CreatePromotionRuleDTO } from "@medusajs/framework/types"
import { ApplicationMethodTargetType } from "@medusajs/framework/utils"
import {
  CartSnapshot,
  CartSnapshotItem,
  PromotionCodeMode,
  PromotionTerms,
  PromotionType,
} from "../../../../../types/promotion/module"
import { nativePromotionInputs } from "../../../../../lib/promotion/native-promotion-input"
import { evaluatePromotion } from "../evaluate"
import { ANY_ITEM, NOW, cart, item, products, terms, unused } from "./fixtures"

const SEGMENT_GROUP = "cusgroup_segment"
const inCents = (amount: number | string) => Number(`${amount}e2`)

const nativeRules = (rules: CreatePromotionRuleDTO[] | undefined) =>
  (rules ?? []).map((rule) => ({
    ...rule,
    values: (Array.isArray(rule.values) ? rule.values : [rule.values]).map((value) => ({ value })),
  }))

/** Native's adjustments for a cart, in unrounded cents per line or shipping method. */
function nativeAdjustments(promotionTerms: PromotionTerms, snapshot: CartSnapshot): Map<string, number> {
  const items = snapshot.items
    .filter((line) => line.quantity > 0)
    .map((line) => ({
      id: line.id,
      quantity: line.quantity,
      subtotal: line.unit_price * line.quantity,
      original_total: line.unit_price * line.quantity,
      is_discountable: true,
      product: { id: line.product_id, categories: line.category_ids.map((id) => ({ id })), collection_id: line.collection_id },
    }))
  const cartContext = {
    currency_code: snapshot.currency_code,
    item_subtotal: items.reduce((total, line) => total + line.subtotal, 0),
    customer: {
      groups: [
        ...snapshot.customer_group_ids,
        ...(promotionTerms.segment_id && snapshot.segment_ids.includes(promotionTerms.segment_id) ? [SEGMENT_GROUP] : []),
      ].map((id) => ({ id })),
    },
  }
  const inputs: CreatePromotionDTO[] = nativePromotionInputs(
    { ...promotionTerms, name: "Parity", code_mode: PromotionCodeMode.SHARED, code: "PARITY" },
    { campaign_id: "procamp_parity", segment_group_id: promotionTerms.segment_id ? SEGMENT_GROUP : null }
  )
  // `as never`: native's parameter types describe stored entities; these plain objects carry only
  // the fields that rule checks and compute-actions read.
  const applicable = inputs.filter((input) =>
    areRulesValidForContext(nativeRules(input.rules) as never, cartContext, ApplicationMethodTargetType.ORDER)
  )
  const adjustments = new Map<string, number>()
  for (const input of applicable) {
    const method = input.application_method!
    const promotion = {
      code: input.code,
      type: input.type,
      is_tax_inclusive: false,
      application_method: { ...method, buy_rules: nativeRules(method.buy_rules), target_rules: nativeRules(method.target_rules) },
    } as never
    const actions: ComputeActions[] =
      input.type === "buyget"
        ? getComputedActionsForBuyGet(promotion, items as never, new Map(), new Map(), new Map())
        : method.target_type === "shipping_methods"
          ? getComputedActionsForShippingMethods(promotion, snapshot.shipping_methods.map((sm) => ({ id: sm.id, subtotal: sm.amount })) as never, new Map())
          : getComputedActionsForItems(promotion, items as never, new Map())
    for (const action of actions) {
      if ("amount" in action) {
        const id = "item_id" in action ? action.item_id : action.shipping_method_id
        adjustments.set(id, (adjustments.get(id) ?? 0) + inCents(String(action.amount)))
      }
    }
  }
  return adjustments
}

/** Asserts agreement and returns the engine's discount (0 when not eligible). */
function expectParity(promotionTerms: PromotionTerms, snapshot: CartSnapshot): number {
  const native = nativeAdjustments(promotionTerms, snapshot)
  const nativeTotal = [...native.values()].reduce((total, amount) => total + amount, 0)
  const evaluation = evaluatePromotion(promotionTerms, snapshot, unused, NOW)
  const engine = new Map(
    evaluation.eligible
      ? Object.entries({ ...evaluation.item_discounts, ...evaluation.shipping_discounts }).map(([id, amount]) => [id, inCents(amount)])
      : []
  )
  const discount = evaluation.eligible ? evaluation.discount : 0
  expect(inCents(discount)).toBe(Math.round(nativeTotal))
  for (const id of new Set([...native.keys(), ...engine.keys()])) {
    expect(Math.abs((engine.get(id) ?? 0) - (native.get(id) ?? 0))).toBeLessThan(1)
  }
  return discount
}

const buyGet = (buy_quantity: number, buy: string[], get_quantity: number, get: string[], get_percentage = 100): Partial<PromotionTerms> => ({
  type: PromotionType.BUY_GET,
  value: null,
  buy_get: { buy_quantity, buy_target: products(...buy), get_quantity, get_target: products(...get), get_percentage },
})
const TIERS = [
  { threshold: 50, value: 5 },
  { threshold: 100, value: 15 },
  { threshold: 200, value: 40 },
]

describe("engine and native promotion module agree", () => {
  it.each<[string, Partial<PromotionTerms>, CartSnapshot, number]>([
    ["percentage, rounded once", { value: 15 }, cart([item("A", 3, 3.33), item("B", 1, 0.07)]), 1.51],
    ["percentage on a category", { value: 33, target: { ...ANY_ITEM, category_ids: ["pcat_1"] } }, cart([item("A", 2, 9.99, { category_ids: ["pcat_1"] }), item("B", 1, 5)]), 6.59],
    ["percentage held to its currency", { value: 10, currency_code: "usd" }, cart([item("A", 1, 10)]), 0],
    ["percentage below its minimum", { value: 10, currency_code: "eur", min_subtotal: 50 }, cart([item("A", 1, 49.99)]), 0],
    ["percentage at its minimum", { value: 10, currency_code: "eur", min_subtotal: 50 }, cart([item("A", 1, 50)]), 5],
    ["percentage for a segment member", { value: 10, segment_id: "mseg_1" }, cart([item("A", 1, 10)], { segment_ids: ["mseg_1"] }), 1],
    ["percentage for someone outside the segment", { value: 10, segment_id: "mseg_1" }, cart([item("A", 1, 10)]), 0],
    ["percentage for a customer group", { value: 10, customer_group_ids: ["g1"] }, cart([item("A", 1, 10)], { customer_group_ids: ["g1"] }), 1],
    ["fixed across lines", { type: PromotionType.FIXED, value: 10, currency_code: "eur" }, cart([item("A", 1, 5), item("B", 1, 5), item("C", 1, 5)]), 10],
    ["fixed above the subtotal", { type: PromotionType.FIXED, value: 100, currency_code: "eur" }, cart([item("A", 2, 10), item("B", 1, 5)]), 25],
    ["fixed on a targeted product", { type: PromotionType.FIXED, value: 10, currency_code: "eur", target: products("A") }, cart([item("A", 1, 5), item("B", 1, 100)]), 5],
    ["fixed in another currency", { type: PromotionType.FIXED, value: 10, currency_code: "usd" }, cart([item("A", 1, 50)]), 0],
    ["tiered below the lowest tier", { type: PromotionType.TIERED, value: null, currency_code: "eur", tiers: TIERS }, cart([item("A", 1, 49.99)]), 0],
    ["tiered at a threshold", { type: PromotionType.TIERED, value: null, currency_code: "eur", tiers: TIERS }, cart([item("A", 1, 60), item("B", 1, 40)]), 15],
    ["tiered on targeted items, reached by the cart", { type: PromotionType.TIERED, value: null, currency_code: "eur", tiers: TIERS, target: products("A") }, cart([item("A", 1, 10), item("B", 1, 190)]), 10],
    ["free shipping", { type: PromotionType.FREE_SHIPPING, value: null }, cart([item("A", 1, 10)], { shipping_methods: [{ id: "sm_1", amount: 4.99 }, { id: "sm_2", amount: 0 }] }), 4.99],
    ["buy 2 A get B", buyGet(2, ["A"], 1, ["B"]), cart([item("A", 2, 10), item("B", 1, 5)]), 5],
    ["buy 2 get 1 on six units", buyGet(2, ["A"], 1, ["A"]), cart([item("A", 6, 10)]), 10],
    ["buy-get reserving the ungettable", buyGet(2, ["A", "B", "C"], 1, ["A"]), cart([item("A", 1, 10), item("B", 1, 10), item("C", 1, 10)]), 10],
    ["buy-get ordered by line subtotal", buyGet(1, ["A", "B"], 1, ["A", "B"]), cart([item("A", 1, 15), item("B", 3, 6)]), 6],
    ["buy-get at 15 % over two lines", buyGet(1, ["A"], 2, ["B", "C"], 15), cart([item("A", 1, 10), item("B", 1, 3.33), item("C", 1, 3.3)]), 0.99],
    ["buy-get one short", buyGet(2, ["A"], 1, ["B"]), cart([item("A", 1, 10), item("B", 1, 5)]), 0],
  ])("%s: %p off", (_, overrides, snapshot, discount) => {
    expect(expectParity(terms(overrides), snapshot)).toBe(discount)
  })

  it("on random carts and promotions", () => {
    const productIds = ["A", "B", "C", "D"]
    const target = fc.subarray(productIds).map((ids) => products(...ids))
    const nonEmptyTarget = fc.subarray(productIds, { minLength: 1 })
    const promotion = fc.oneof(
      fc.record({ value: fc.integer({ min: 1, max: 100 }), target }).map(({ value, target }) => terms({ value, target })),
      fc.record({ cents: fc.integer({ min: 1, max: 30_000 }), target }).map(({ cents, target }) =>
        terms({ type: PromotionType.FIXED, value: cents / 100, currency_code: "eur", target })
      ),
      fc.record({ target, threshold: fc.integer({ min: 0, max: 200 }), value: fc.integer({ min: 1, max: 50 }) }).map(({ target, threshold, value }) =>
        terms({ type: PromotionType.TIERED, value: null, currency_code: "eur", tiers: [{ threshold, value }, { threshold: threshold + 100, value: value * 2 }], target })
      ),
      fc
        .record({ buy: fc.integer({ min: 1, max: 3 }), buyIds: nonEmptyTarget, get: fc.integer({ min: 1, max: 3 }), getIds: nonEmptyTarget, pct: fc.integer({ min: 1, max: 100 }) })
        .map(({ buy, buyIds, get, getIds, pct }) => terms(buyGet(buy, buyIds, get, getIds, pct)))
    )
    const lines = fc.array(
      fc.record({ product: fc.constantFrom(...productIds), quantity: fc.integer({ min: 1, max: 4 }), cents: fc.integer({ min: 1, max: 10_000 }) }),
      { maxLength: 6 }
    )
    fc.assert(
      fc.property(promotion, lines, (promotionTerms, entries) => {
        const items: CartSnapshotItem[] = entries.map((entry, index) => item(entry.product, entry.quantity, entry.cents / 100, { id: `item_${index}` }))
        expectParity(promotionTerms, cart(items))
      }),
      { numRuns: 300 }
    )
  })
})
