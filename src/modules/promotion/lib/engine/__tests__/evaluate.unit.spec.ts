import fc from "fast-check"
import {
  CartSnapshot,
  CartSnapshotItem,
  IneligibilityReason,
  PromotionStatus,
  PromotionTerms,
  PromotionType,
  PromotionUsage,
} from "../../../../../types/promotion/module"
import { evaluatePromotion } from "../evaluate"
import { InvalidPromotionTermsError, termsProblem } from "../terms"
import { ANY_ITEM, NOW, cart, expectEligible, item, products, terms, unused } from "./fixtures"

const evaluate = (overrides: Partial<PromotionTerms>, snapshot: CartSnapshot, usage: PromotionUsage = unused) =>
  evaluatePromotion(terms(overrides), snapshot, usage, NOW)

type DiscountCase = [string, Partial<PromotionTerms>, CartSnapshot, number, Record<string, number>]

const expectDiscount = (overrides: Partial<PromotionTerms>, snapshot: CartSnapshot, discount: number, items: Record<string, number>) => {
  const evaluation = expectEligible(evaluate(overrides, snapshot))
  expect(evaluation.discount).toBe(discount)
  expect(evaluation.item_discounts).toEqual(items)
  expect(evaluation.shipping_discounts).toEqual({})
}

const percentage = (value: number, overrides: Partial<PromotionTerms> = {}): Partial<PromotionTerms> => ({
  type: PromotionType.PERCENTAGE,
  value,
  ...overrides,
})
const fixed = (value: number, overrides: Partial<PromotionTerms> = {}): Partial<PromotionTerms> => ({
  type: PromotionType.FIXED,
  value,
  currency_code: "eur",
  ...overrides,
})

describe("evaluatePromotion: percentage", () => {
  it.each<DiscountCase>([
    ["10 % of every line", percentage(10), cart([item("A", 2, 10), item("B", 1, 5)]), 2.5, { item_a: 2, item_b: 0.5 }],
    ["100 % is the whole line", percentage(100), cart([item("A", 3, 9.99)]), 29.97, { item_a: 29.97 }],
    ["rounded once on the total, split by largest remainder", percentage(15), cart([item("A", 3, 3.33), item("B", 1, 0.07)]), 1.51, { item_a: 1.5, item_b: 0.01 }],
    ["a half cent rounds up", percentage(50), cart([item("A", 1, 0.05)]), 0.03, { item_a: 0.03 }],
    ["a fractional percentage", percentage(12.5), cart([item("A", 1, 0.04)]), 0.01, { item_a: 0.01 }],
    ["a line too small for a cent gets nothing and is not listed", percentage(10), cart([item("A", 1, 100), item("B", 1, 0.04)]), 10, { item_a: 10 }],
    ["yen have no cents", percentage(10, {}), cart([item("A", 1, 1234)], { currency_code: "jpy" }), 123, { item_a: 123 }],
    ["half a yen rounds up", percentage(15), cart([item("A", 1, 10)], { currency_code: "jpy" }), 2, { item_a: 2 }],
    ["dinars have three digits, half a fils rounds up", percentage(10), cart([item("A", 1, 1.005)], { currency_code: "kwd" }), 0.101, { item_a: 0.101 }],
    ["only the targeted product", percentage(20, { target: products("A") }), cart([item("A", 1, 10), item("B", 1, 10)]), 2, { item_a: 2 }],
    [
      "a targeted category matches any of the item's categories",
      percentage(50, { target: { ...ANY_ITEM, category_ids: ["pcat_shoes"] } }),
      cart([item("A", 1, 10, { category_ids: ["pcat_sale", "pcat_shoes"] }), item("B", 1, 10, { category_ids: ["pcat_hats"] })]),
      5,
      { item_a: 5 },
    ],
    [
      "a targeted collection",
      percentage(50, { target: { ...ANY_ITEM, collection_ids: ["pcol_summer"] } }),
      cart([item("A", 1, 10, { collection_id: "pcol_summer" }), item("B", 1, 10)]),
      5,
      { item_a: 5 },
    ],
    [
      "every non-empty target list must match",
      percentage(50, { target: { product_ids: ["A", "B"], category_ids: ["pcat_sale"], collection_ids: [] } }),
      cart([item("A", 1, 10, { category_ids: ["pcat_sale"] }), item("B", 1, 10), item("C", 1, 10, { category_ids: ["pcat_sale"] })]),
      5,
      { item_a: 5 },
    ],
    ["a line with no quantity is not in the cart", percentage(10), cart([item("A", 0, 10), item("B", 1, 10)]), 1, { item_b: 1 }],
    ["a free line is not targeted", percentage(10), cart([item("A", 2, 0), item("B", 1, 10)]), 1, { item_b: 1 }],
    ["a unit price finer than the currency", percentage(10), cart([item("A", 3, 3.333)]), 1, { item_a: 1 }],
  ])("%s", (_, overrides, snapshot, discount, items) => expectDiscount(overrides, snapshot, discount, items))
})

describe("evaluatePromotion: fixed", () => {
  it.each<DiscountCase>([
    ["spread by line subtotal", fixed(10), cart([item("A", 1, 20), item("B", 1, 30)]), 10, { item_a: 4, item_b: 6 }],
    ["a cent that does not divide goes to the first of equal lines", fixed(10), cart([item("A", 1, 5), item("B", 1, 5), item("C", 1, 5)]), 10, { item_a: 3.34, item_b: 3.33, item_c: 3.33 }],
    ["capped at the targeted subtotal", fixed(100), cart([item("A", 2, 10), item("B", 1, 5)]), 25, { item_a: 20, item_b: 5 }],
    ["exactly the subtotal", fixed(25), cart([item("A", 2, 10), item("B", 1, 5)]), 25, { item_a: 20, item_b: 5 }],
    ["capped at the targeted lines, others untouched", fixed(10, { target: products("A") }), cart([item("A", 1, 5), item("B", 1, 100)]), 5, { item_a: 5 }],
    ["a value finer than the currency is rounded", fixed(10.005), cart([item("A", 1, 20), item("B", 1, 20)]), 10.01, { item_a: 5.01, item_b: 5 }],
    ["the currency matches whatever its case", fixed(5, { currency_code: "EUR" }), cart([item("A", 1, 20)]), 5, { item_a: 5 }],
    ["yen", fixed(1000, { currency_code: "jpy" }), cart([item("A", 1, 1500), item("B", 2, 750)], { currency_code: "jpy" }), 1000, { item_a: 500, item_b: 500 }],
    ["dinars", fixed(1, { currency_code: "kwd" }), cart([item("A", 1, 1), item("B", 1, 1), item("C", 1, 1)], { currency_code: "kwd" }), 1, { item_a: 0.334, item_b: 0.333, item_c: 0.333 }],
    [
      "many lines that do not divide evenly",
      fixed(10),
      cart(Array.from({ length: 7 }, (_, index) => item(`P${index}`, 1, 3))),
      10,
      { item_p0: 1.43, item_p1: 1.43, item_p2: 1.43, item_p3: 1.43, item_p4: 1.43, item_p5: 1.43, item_p6: 1.42 },
    ],
  ])("%s", (_, overrides, snapshot, discount, items) => expectDiscount(overrides, snapshot, discount, items))
})

describe("evaluatePromotion: tiered", () => {
  const tiers = [
    { threshold: 50, value: 5 },
    { threshold: 100, value: 15 },
    { threshold: 200, value: 40 },
  ]
  const tiered = (overrides: Partial<PromotionTerms> = {}): Partial<PromotionTerms> => ({
    type: PromotionType.TIERED,
    value: null,
    currency_code: "eur",
    tiers,
    ...overrides,
  })

  it.each<[string, Partial<PromotionTerms>, number, number | null]>([
    ["exactly the lowest threshold", tiered(), 50, 50],
    ["a cent below the next", tiered(), 99.99, 50],
    ["exactly the middle threshold", tiered(), 100, 100],
    ["above the highest", tiered(), 1000, 200],
    ["tiers in any order", tiered({ tiers: [...tiers].reverse() }), 150, 100],
  ])("%s: a %p subtotal reaches the %p tier", (_, overrides, subtotal, threshold) => {
    const evaluation = expectEligible(evaluate(overrides, cart([item("A", 1, subtotal)])))
    expect(evaluation.tier).toEqual(tiers.find((tier) => tier.threshold === threshold))
    expect(evaluation.discount).toBe(tiers.find((tier) => tier.threshold === threshold)!.value)
  })

  it("of equal thresholds takes the larger value", () => {
    const evaluation = expectEligible(
      evaluate(tiered({ tiers: [{ threshold: 50, value: 5 }, { threshold: 50, value: 8 }, { threshold: 50, value: 6 }] }), cart([item("A", 1, 60)]))
    )
    expect(evaluation.tier).toEqual({ threshold: 50, value: 8 })
  })

  it("reaches tiers with the whole item subtotal but takes the value off the targeted items only", () => {
    const evaluation = expectEligible(evaluate(tiered({ target: products("A") }), cart([item("A", 1, 10), item("B", 1, 190)])))
    expect(evaluation.tier).toEqual({ threshold: 200, value: 40 })
    expect(evaluation.discount).toBe(10)
    expect(evaluation.item_discounts).toEqual({ item_a: 10 })
  })

  it("spreads the tier's value like a fixed amount", () => {
    expectDiscount(tiered(), cart([item("A", 1, 60), item("B", 1, 40)]), 15, { item_a: 9, item_b: 6 })
  })

  it.each<[string, Partial<PromotionTerms>, number, string]>([
    ["below the lowest tier", tiered(), 49.99, "Spend €0.01 more to use this offer."],
    ["below the lowest tier, in any order", tiered({ tiers: [...tiers].reverse() }), 20, "Spend €30.00 more to use this offer."],
    ["below a min_subtotal above the tiers: min_subtotal is checked first", tiered({ min_subtotal: 150 }), 120, "Spend €30.00 more to use this offer."],
  ])("%s", (_, overrides, subtotal, message) => {
    expect(evaluate(overrides, cart([item("A", 1, subtotal)]))).toEqual({
      eligible: false,
      reason: IneligibilityReason.MINIMUM_NOT_MET,
      message,
    })
  })
})

describe("evaluatePromotion: free shipping", () => {
  const freeShipping = (overrides: Partial<PromotionTerms> = {}): Partial<PromotionTerms> => ({
    type: PromotionType.FREE_SHIPPING,
    value: null,
    ...overrides,
  })

  it.each<[string, Partial<PromotionTerms>, CartSnapshot, number, Record<string, number>]>([
    [
      "every shipping method in full",
      freeShipping(),
      cart([item("A", 1, 10)], { shipping_methods: [{ id: "sm_1", amount: 4.99 }, { id: "sm_2", amount: 10 }] }),
      14.99,
      { sm_1: 4.99, sm_2: 10 },
    ],
    ["a free method is not listed", freeShipping(), cart([item("A", 1, 10)], { shipping_methods: [{ id: "sm_1", amount: 0 }] }), 0, {}],
    ["no shipping chosen yet: eligible for nothing so far", freeShipping(), cart([item("A", 1, 10)]), 0, {}],
    [
      "the item target does not restrict shipping (the mirror has no shipping rules)",
      freeShipping({ target: products("Z") }),
      cart([item("A", 1, 10)], { shipping_methods: [{ id: "sm_1", amount: 5 }] }),
      5,
      { sm_1: 5 },
    ],
    ["an amount finer than the currency", freeShipping(), cart([], { shipping_methods: [{ id: "sm_1", amount: 4.995 }] }), 5, { sm_1: 5 }],
  ])("%s", (_, overrides, snapshot, discount, shipping) => {
    const evaluation = expectEligible(evaluate(overrides, snapshot))
    expect(evaluation).toEqual({ eligible: true, discount, item_discounts: {}, shipping_discounts: shipping, tier: null })
  })

  it("still needs the minimum subtotal", () => {
    const snapshot = cart([item("A", 1, 30)], { shipping_methods: [{ id: "sm_1", amount: 5 }] })
    expect(evaluate(freeShipping({ min_subtotal: 50, currency_code: "eur" }), snapshot)).toEqual({
      eligible: false,
      reason: IneligibilityReason.MINIMUM_NOT_MET,
      message: "Spend €20.00 more to use this offer.",
    })
  })
})

describe("evaluatePromotion: reasons", () => {
  const buyTwoGetOne: Partial<PromotionTerms> = {
    type: PromotionType.BUY_GET,
    value: null,
    buy_get: { buy_quantity: 2, buy_target: products("A"), get_quantity: 1, get_target: products("B"), get_percentage: 100 },
  }
  type ReasonCase = [string, Partial<PromotionTerms>, CartSnapshot, Partial<PromotionUsage>, IneligibilityReason, string]
  const guestCart = cart([item("A", 1, 10)], { customer_id: null })

  it.each<ReasonCase>([
    ["availability: for the cart's customer", { per_customer_limit: 1 }, cart([item("A", 1, 10)]), { used_by_customer: 1 }, IneligibilityReason.CUSTOMER_LIMIT_REACHED, "You have already used this offer."],
    ["availability: a guest cart", { segment_id: "mseg_1" }, guestCart, {}, IneligibilityReason.LOGIN_REQUIRED, "Sign in to use this offer."],
    ["currency: a fixed amount in another currency", fixed(5), cart([item("A", 1, 10)], { currency_code: "usd" }), {}, IneligibilityReason.CURRENCY_MISMATCH, "This offer is only available for purchases in EUR."],
    ["currency: a percentage held to its currency", percentage(10, { currency_code: "eur" }), cart([item("A", 1, 10)], { currency_code: "usd" }), {}, IneligibilityReason.CURRENCY_MISMATCH, "This offer is only available for purchases in EUR."],
    ["currency: a minimum in another currency", percentage(10, { currency_code: "eur", min_subtotal: 1 }), cart([item("A", 1, 10)], { currency_code: "gbp" }), {}, IneligibilityReason.CURRENCY_MISMATCH, "This offer is only available for purchases in EUR."],
    ["audience: not in the segment", { segment_id: "mseg_1" }, cart([item("A", 1, 10)], { segment_ids: ["mseg_2"] }), {}, IneligibilityReason.NOT_ELIGIBLE, "This offer is not available for your account."],
    ["audience: in none of the groups", { customer_group_ids: ["g1", "g2"] }, cart([item("A", 1, 10)], { customer_group_ids: ["g3"] }), {}, IneligibilityReason.NOT_ELIGIBLE, "This offer is not available for your account."],
    ["audience: in the groups but not the segment", { segment_id: "mseg_1", customer_group_ids: ["g1"] }, cart([item("A", 1, 10)], { customer_group_ids: ["g1"] }), {}, IneligibilityReason.NOT_ELIGIBLE, "This offer is not available for your account."],
    ["minimum: says how much more, in the cart's currency", percentage(10, { currency_code: "eur", min_subtotal: 50 }), cart([item("A", 3, 12.5)]), {}, IneligibilityReason.MINIMUM_NOT_MET, "Spend €12.50 more to use this offer."],
    ["minimum: yen", percentage(10, { currency_code: "jpy", min_subtotal: 5000 }), cart([item("A", 1, 3750)], { currency_code: "jpy" }), {}, IneligibilityReason.MINIMUM_NOT_MET, "Spend ¥1,250 more to use this offer."],
    ["minimum: a cent short", percentage(10, { currency_code: "eur", min_subtotal: 50 }), cart([item("A", 1, 49.99)]), {}, IneligibilityReason.MINIMUM_NOT_MET, "Spend €0.01 more to use this offer."],
    ["items: no targeted item", percentage(10, { target: products("Z") }), cart([item("A", 1, 10)]), {}, IneligibilityReason.NO_MATCHING_ITEMS, "None of the items in your cart are included in this offer."],
    ["items: only free targeted items", fixed(5, { target: products("A") }), cart([item("A", 1, 0), item("B", 1, 10)]), {}, IneligibilityReason.NO_MATCHING_ITEMS, "None of the items in your cart are included in this offer."],
    ["items: an empty cart", percentage(10), cart([]), {}, IneligibilityReason.NO_MATCHING_ITEMS, "None of the items in your cart are included in this offer."],
    ["items: buy-get one item short", buyTwoGetOne, cart([item("A", 2, 10)]), {}, IneligibilityReason.NO_MATCHING_ITEMS, "Add 1 more qualifying item to use this offer."],
    ["items: buy-get three items short", buyTwoGetOne, cart([item("C", 2, 10)]), {}, IneligibilityReason.NO_MATCHING_ITEMS, "Add 3 more qualifying items to use this offer."],
    ["budget: this discount would pass it", fixed(10.01, { budget_amount: 100 }), cart([item("A", 1, 20)]), { spent: 90 }, IneligibilityReason.BUDGET_EXHAUSTED, "This offer is no longer available: its budget has been used up."],
    ["budget: spent already", fixed(1, { budget_amount: 100 }), cart([item("A", 1, 20)]), { spent: 100 }, IneligibilityReason.BUDGET_EXHAUSTED, "This offer is no longer available: its budget has been used up."],
  ])("%s", (_, overrides, snapshot, usage, reason, message) => {
    expect(evaluate(overrides, snapshot, { ...unused, ...usage })).toEqual({ eligible: false, reason, message })
  })

  it.each<[string, Partial<PromotionTerms>, CartSnapshot, Partial<PromotionUsage>]>([
    ["a percentage without a currency in any currency", percentage(10), cart([item("A", 1, 10)], { currency_code: "usd" }), {}],
    ["in the segment", { segment_id: "mseg_1" }, cart([item("A", 1, 10)], { segment_ids: ["mseg_0", "mseg_1"] }), {}],
    ["in one of the groups", { customer_group_ids: ["g1", "g2"] }, cart([item("A", 1, 10)], { customer_group_ids: ["g2"] }), {}],
    ["exactly the minimum", percentage(10, { currency_code: "eur", min_subtotal: 50 }), cart([item("A", 2, 25)]), {}],
    ["the minimum counts untargeted items too", percentage(10, { currency_code: "eur", min_subtotal: 50, target: products("A") }), cart([item("A", 1, 10), item("B", 1, 40)]), {}],
    ["a discount that takes the budget exactly to its end", fixed(10, { budget_amount: 100 }), cart([item("A", 1, 20)]), { spent: 90 }],
  ])("eligible: %s", (_, overrides, snapshot, usage) => {
    expect(evaluate(overrides, snapshot, { ...unused, ...usage }).eligible).toBe(true)
  })

  // Each case fails two checks; the earlier one in the documented order is the answer.
  it.each<[string, Partial<PromotionTerms>, CartSnapshot, Partial<PromotionUsage>, IneligibilityReason]>([
    ["availability before currency", fixed(5, { status: PromotionStatus.PAUSED }), cart([item("A", 1, 10)], { currency_code: "usd" }), {}, IneligibilityReason.INACTIVE],
    ["currency before audience", fixed(5, { segment_id: "mseg_1" }), cart([item("A", 1, 10)], { currency_code: "usd" }), {}, IneligibilityReason.CURRENCY_MISMATCH],
    ["audience before minimum", fixed(5, { segment_id: "mseg_1", min_subtotal: 100 }), cart([item("A", 1, 10)]), {}, IneligibilityReason.NOT_ELIGIBLE],
    ["minimum before items", fixed(5, { min_subtotal: 100, target: products("Z") }), cart([item("A", 1, 10)]), {}, IneligibilityReason.MINIMUM_NOT_MET],
    ["items before budget", fixed(50, { budget_amount: 100, target: products("Z") }), cart([item("A", 1, 100)]), { spent: 90 }, IneligibilityReason.NO_MATCHING_ITEMS],
  ])("checks in order: %s", (_, overrides, snapshot, usage, reason) => {
    const evaluation = evaluate(overrides, snapshot, { ...unused, ...usage })
    expect(evaluation.eligible ? null : evaluation.reason).toBe(reason)
  })
})

describe("evaluatePromotion: terms it cannot evaluate", () => {
  const buyGet = { buy_quantity: 1, buy_target: ANY_ITEM, get_quantity: 1, get_target: ANY_ITEM, get_percentage: 100 }
  it.each<[string, Partial<PromotionTerms>]>([
    ["a percentage without a value", { type: PromotionType.PERCENTAGE, value: null }],
    ["a percentage of zero", { type: PromotionType.PERCENTAGE, value: 0 }],
    ["a percentage above 100", { type: PromotionType.PERCENTAGE, value: 100.01 }],
    ["a fixed amount without a currency", { type: PromotionType.FIXED, value: 5, currency_code: null }],
    ["a fixed amount of zero", { type: PromotionType.FIXED, value: 0, currency_code: "eur" }],
    ["tiered without tiers", { type: PromotionType.TIERED, currency_code: "eur", tiers: [] }],
    ["a tier worth nothing", { type: PromotionType.TIERED, currency_code: "eur", tiers: [{ threshold: 10, value: 0 }] }],
    ["a negative threshold", { type: PromotionType.TIERED, currency_code: "eur", tiers: [{ threshold: -1, value: 1 }] }],
    ["a budget without a currency", { budget_amount: 10 }],
    ["a minimum without a currency", { min_subtotal: 10 }],
    ["buy-get without its rule", { type: PromotionType.BUY_GET, buy_get: null }],
    ["buy nothing", { type: PromotionType.BUY_GET, buy_get: { ...buyGet, buy_quantity: 0 } }],
    ["get half an item", { type: PromotionType.BUY_GET, buy_get: { ...buyGet, get_quantity: 0.5 } }],
    ["get it at 0 % off", { type: PromotionType.BUY_GET, buy_get: { ...buyGet, get_percentage: 0 } }],
  ])("throws for %s", (_, overrides) => {
    expect(termsProblem(terms(overrides))).not.toBeNull()
    expect(() => evaluate(overrides, cart([item("A", 1, 10)]))).toThrow(InvalidPromotionTermsError)
  })

  it("answers inactive for an incomplete draft instead of throwing", () => {
    const draft = { status: PromotionStatus.DRAFT, type: PromotionType.FIXED, value: null }
    expect(evaluate(draft, cart([item("A", 1, 10)]))).toMatchObject({ eligible: false, reason: IneligibilityReason.INACTIVE })
  })

  it.each<[string, Partial<PromotionTerms>]>([
    ["a percentage of 100", { type: PromotionType.PERCENTAGE, value: 100 }],
    ["free shipping without a value", { type: PromotionType.FREE_SHIPPING, value: null }],
    ["a tier from zero", { type: PromotionType.TIERED, currency_code: "eur", tiers: [{ threshold: 0, value: 1 }] }],
    ["buy one get one", { type: PromotionType.BUY_GET, buy_get: buyGet }],
  ])("accepts %s", (_, overrides) => {
    expect(termsProblem(terms(overrides))).toBeNull()
  })
})

describe("evaluatePromotion: invariants on any cart", () => {
  const line = fc.record({
    product: fc.constantFrom("A", "B", "C"),
    quantity: fc.integer({ min: 0, max: 5 }),
    cents: fc.integer({ min: 0, max: 20_000 }),
  })
  const anyTerms = fc.oneof(
    fc.integer({ min: 1, max: 100 }).map((value) => percentage(value)),
    fc.integer({ min: 1, max: 50_000 }).map((cents) => fixed(cents / 100, { target: products("A", "B") })),
    fc.integer({ min: 1, max: 5_000 }).map((value) => ({
      type: PromotionType.TIERED,
      currency_code: "eur",
      tiers: [{ threshold: 0, value }],
    })),
    fc.record({ buy: fc.integer({ min: 1, max: 3 }), get: fc.integer({ min: 1, max: 3 }), pct: fc.integer({ min: 1, max: 100 }) }).map(
      ({ buy, get, pct }): Partial<PromotionTerms> => ({
        type: PromotionType.BUY_GET,
        buy_get: { buy_quantity: buy, buy_target: products("A", "B"), get_quantity: get, get_target: products("B", "C"), get_percentage: pct },
      })
    )
  )

  it("lists discounts that add up to the total, none negative or above its line", () => {
    fc.assert(
      fc.property(anyTerms, fc.array(line, { maxLength: 8 }), (overrides, lines) => {
        const items: CartSnapshotItem[] = lines.map((entry, index) =>
          item(entry.product, entry.quantity, entry.cents / 100, { id: `item_${index}` })
        )
        const evaluation = evaluate(overrides, cart(items))
        if (!evaluation.eligible) {
          return
        }
        const inCents = (amount: number) => Math.round(amount * 100)
        const listed = Object.entries(evaluation.item_discounts)
        expect(listed.reduce((total, [, amount]) => total + inCents(amount), 0)).toBe(inCents(evaluation.discount))
        for (const [id, amount] of listed) {
          const source = items.find((candidate) => candidate.id === id)!
          expect(inCents(amount)).toBeGreaterThan(0)
          expect(inCents(amount)).toBeLessThanOrEqual(inCents(source.unit_price) * source.quantity)
        }
      })
    )
  })
})
