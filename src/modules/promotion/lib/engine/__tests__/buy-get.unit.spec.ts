import { BuyGetRule, CartSnapshotItem, PromotionItemTarget, PromotionType } from "../../../../../types/promotion/module"
import { applyBuyGet, buyGetShortfall } from "../buy-get"
import { priceLines } from "../cart-lines"
import { evaluatePromotion } from "../evaluate"
import { ANY_ITEM, NOW, cart, expectEligible, item, products, terms, unused } from "./fixtures"

const rule = (
  buy_quantity: number,
  buy_target: PromotionItemTarget,
  get_quantity: number,
  get_target: PromotionItemTarget,
  get_percentage = 100
): BuyGetRule => ({ buy_quantity, buy_target, get_quantity, get_target, get_percentage })

const A_FOR_B = rule(2, products("A"), 1, products("B"))
const TWO_A_THIRD_FREE = rule(2, products("A"), 1, products("A"))
const ANY_FOR_ANY = rule(1, ANY_ITEM, 1, ANY_ITEM)

const evaluateBuyGet = (buyGet: BuyGetRule, items: CartSnapshotItem[]) =>
  evaluatePromotion(terms({ type: PromotionType.BUY_GET, value: null, buy_get: buyGet }), cart(items), unused, NOW)

describe("buy-get as native applies it", () => {
  it.each<[string, BuyGetRule, CartSnapshotItem[], number, Record<string, number>]>([
    ["buy 2 A, get B free", A_FOR_B, [item("A", 2, 10), item("B", 1, 5)], 5, { item_b: 5 }],
    ["buy 2 A, get 1 A free: the third unit", TWO_A_THIRD_FREE, [item("A", 3, 10)], 10, { item_a: 10 }],
    ["one round per cart: six A still give one free (max_quantity = get_quantity)", TWO_A_THIRD_FREE, [item("A", 6, 10)], 10, { item_a: 10 }],
    ["one round per cart across lines too", A_FOR_B, [item("A", 4, 10), item("B", 2, 5)], 5, { item_b: 5 }],
    [
      "the largest line is reserved to buy and the next one is got",
      ANY_FOR_ANY,
      [item("C", 1, 10), item("A", 1, 30), item("B", 1, 20)],
      20,
      { item_b: 20 },
    ],
    [
      "lines are ordered by line subtotal, not unit price",
      ANY_FOR_ANY,
      [item("A", 1, 15), item("B", 3, 6)],
      6,
      { item_b: 6 },
    ],
    ["equal subtotals keep cart order: the first is bought", ANY_FOR_ANY, [item("X", 1, 10), item("Y", 1, 10)], 10, { item_y: 10 }],
    ["equal subtotals keep cart order, reversed", ANY_FOR_ANY, [item("Y", 1, 10), item("X", 1, 10)], 10, { item_x: 10 }],
    [
      "lines that cannot be got are bought first, leaving the gettable one free",
      rule(2, products("A", "B", "C"), 1, products("A")),
      [item("A", 1, 10), item("B", 1, 10), item("C", 1, 10)],
      10,
      { item_a: 10 },
    ],
    [
      "lines that cannot be got are bought first, even when cheaper",
      rule(1, products("A", "B"), 1, products("A")),
      [item("A", 1, 50), item("B", 1, 5)],
      50,
      { item_a: 50 },
    ],
    [
      "the get quantity spans lines, largest line first",
      rule(1, products("A"), 2, products("B", "C")),
      [item("A", 1, 10), item("C", 1, 6), item("B", 1, 8)],
      14,
      { item_b: 8, item_c: 6 },
    ],
    ["the get quantity from one line", rule(1, products("A"), 2, products("B")), [item("A", 1, 10), item("B", 3, 4)], 8, { item_b: 8 }],
    ["half off, a half cent rounds up", rule(1, products("A"), 1, products("B"), 50), [item("A", 1, 10), item("B", 1, 9.99)], 5, { item_b: 5 }],
    [
      "a percentage over two lines: rounded on the total, split by largest remainder",
      rule(1, products("A"), 2, products("B", "C"), 15),
      [item("A", 1, 10), item("B", 1, 3.33), item("C", 1, 3.3)],
      0.99,
      { item_b: 0.5, item_c: 0.49 },
    ],
    [
      "a free line to get gives nothing and, natively, lets the loop go round again",
      rule(1, products("A"), 1, products("B")),
      [item("A", 2, 10), item("B", 2, 0)],
      0,
      {},
    ],
  ])("%s", (_, buyGet, items, discount, itemDiscounts) => {
    const evaluation = expectEligible(evaluateBuyGet(buyGet, items))
    expect(evaluation.discount).toBe(discount)
    expect(evaluation.item_discounts).toEqual(itemDiscounts)
  })
})

describe("applyBuyGet with a larger max_quantity (native repeats)", () => {
  const rounds = (buyGet: BuyGetRule, items: CartSnapshotItem[], maxApplyQuantity: number) => {
    const { exact_discounts, applications } = applyBuyGet(priceLines(items, "eur"), buyGet, maxApplyQuantity)
    return { applications, exact: Object.fromEntries(exact_discounts) }
  }

  it.each<[string, BuyGetRule, CartSnapshotItem[], number, number, Record<string, number>]>([
    ["six A: two rounds of buy 2 get 1", TWO_A_THIRD_FREE, [item("A", 6, 10)], 10, 2, { item_a: 2000 }],
    ["seven A: still two rounds, one A left over", TWO_A_THIRD_FREE, [item("A", 7, 10)], 10, 2, { item_a: 2000 }],
    ["nine A under a max of two: two free", TWO_A_THIRD_FREE, [item("A", 9, 10)], 2, 2, { item_a: 2000 }],
    ["rounds stop when the get side runs out", A_FOR_B, [item("A", 6, 10), item("B", 2, 5)], 10, 2, { item_b: 1000 }],
    ["rounds stop when the buy side runs out", A_FOR_B, [item("A", 3, 10), item("B", 5, 5)], 10, 1, { item_b: 500 }],
    [
      "native caps each pick, not the round, by what max_quantity allows: 4 got under a max of 3",
      rule(1, products("A"), 2, products("B", "C")),
      [item("A", 2, 10), item("B", 1, 5), item("C", 3, 4)],
      3,
      2,
      { item_c: 1200, item_b: 500 },
    ],
  ])("%s", (_, buyGet, items, maxApplyQuantity, applications, exact) => {
    expect(rounds(buyGet, items, maxApplyQuantity)).toEqual({ applications, exact })
  })
})

describe("buyGetShortfall", () => {
  // `fill` is what the shopper adds: exactly the shortfall, after which the rule applies.
  it.each<[string, BuyGetRule, CartSnapshotItem[], number, CartSnapshotItem[]]>([
    ["an empty cart needs both sides", A_FOR_B, [], 3, [item("A", 2, 10), item("B", 1, 5)]],
    ["one to get", A_FOR_B, [item("A", 2, 10)], 1, [item("B", 1, 5)]],
    ["one to buy", A_FOR_B, [item("A", 1, 10), item("B", 1, 5)], 1, [item("A", 1, 10, { id: "item_a2" })]],
    ["two to buy", A_FOR_B, [item("B", 5, 5)], 2, [item("A", 2, 10)]],
    ["more to buy than needed does not help the get side", A_FOR_B, [item("A", 5, 10)], 1, [item("B", 1, 5)]],
    ["unrelated items do not count", A_FOR_B, [item("C", 9, 1)], 3, [item("A", 2, 10), item("B", 1, 5)]],
    ["one target: buy 2 get 1 needs 3", TWO_A_THIRD_FREE, [item("A", 2, 10)], 1, [item("A", 1, 10, { id: "item_a2" })]],
    ["one target: one unit in", TWO_A_THIRD_FREE, [item("A", 1, 10)], 2, [item("A", 2, 10, { id: "item_a2" })]],
    [
      "overlapping targets share units",
      rule(2, products("A", "B", "C"), 1, products("A")),
      [item("A", 1, 10)],
      2,
      [item("B", 1, 10), item("C", 1, 10)],
    ],
    ["nothing missing", A_FOR_B, [item("A", 2, 10), item("B", 1, 5)], 0, []],
  ])("%s", (_, buyGet, items, missing, fill) => {
    const appliesTo = (cartItems: CartSnapshotItem[]) => applyBuyGet(priceLines(cartItems, "eur"), buyGet, buyGet.get_quantity).applications
    expect(buyGetShortfall(priceLines(items, "eur"), buyGet)).toBe(missing)
    expect(fill.reduce((units, line) => units + line.quantity, 0)).toBe(missing)
    expect(appliesTo(items)).toBe(missing === 0 ? 1 : 0)
    expect(appliesTo([...items, ...fill])).toBe(1)
  })
})
