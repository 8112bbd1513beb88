import fc from "fast-check"
import { IneligibilityReason, PromotionTerms, StackingRule } from "../../../../../types/promotion/module"
import { PromotionEvaluation } from "../evaluation"
import { canCombine, PromotionCandidate, selectBest } from "../stacking"
import { terms } from "./fixtures"

const { STACKABLE, EXCLUSIVE, PRIORITY } = StackingRule

/** `s1`, `e1`, `p5` (priority 5), `p5b`: the letter is the stacking rule, the number the priority. */
function promotion(id: string): PromotionTerms {
  const stacking = { s: STACKABLE, e: EXCLUSIVE, p: PRIORITY }[id[0] as "s" | "e" | "p"]
  return terms({ id, stacking, priority: stacking === PRIORITY ? parseInt(id.slice(1), 10) : 0 })
}

describe("canCombine", () => {
  const REFUSED = null
  it.each<[string[], string, string[] | null]>([
    [[], "s1", []],
    [[], "e1", []],
    [[], "p5", []],
    [["s1"], "s2", []],
    [["s1", "s2"], "s3", []],
    [["s1"], "e1", REFUSED],
    [["s1"], "p5", []],
    [["e1"], "s1", REFUSED],
    [["e1"], "e2", REFUSED],
    [["e1"], "p5", REFUSED],
    [["p5"], "s1", []],
    [["p5"], "e1", REFUSED],
    [["p5"], "p4", REFUSED],
    [["p5"], "p5b", REFUSED],
    [["p5"], "p6", ["p5"]],
    [["s1", "p5"], "p9", ["p5"]],
    [["p3", "p7"], "p5", REFUSED],
    [["p3", "p7"], "p7b", REFUSED],
    [["p3", "p7"], "p8", ["p3", "p7"]],
    [["s1", "p3", "s2", "p7"], "p8", ["p3", "p7"]],
    // re-applying what is already on the cart is judged against the others only
    [["e1"], "e1", []],
    [["p5"], "p5", []],
    [["p5", "s1"], "e1", REFUSED],
  ])("applied %p, incoming %p: replaces %p", (applied, incoming, replaces) => {
    const decision = canCombine(applied.map(promotion), promotion(incoming))
    expect(decision.ok ? decision.replaces : REFUSED).toEqual(replaces)
    if (!decision.ok) {
      expect(decision.reason).toBe(IneligibilityReason.NOT_COMBINABLE)
    }
  })

  it.each<[string[], string, string]>([
    [["s1"], "e1", "This offer can't be combined with the offers already in your cart."],
    [["e1"], "s1", "An offer in your cart can't be combined with other offers."],
    [["p5"], "p5b", "An offer that takes precedence over this one is already in your cart."],
  ])("applied %p, incoming %p: says %p", (applied, incoming, message) => {
    expect(canCombine(applied.map(promotion), promotion(incoming))).toEqual({
      ok: false,
      reason: IneligibilityReason.NOT_COMBINABLE,
      message,
    })
  })
})

describe("selectBest", () => {
  const INELIGIBLE = null
  const evaluation = (discount: number | null): PromotionEvaluation =>
    discount === INELIGIBLE
      ? { eligible: false, reason: IneligibilityReason.MINIMUM_NOT_MET, message: "Spend more." }
      : { eligible: true, discount, item_discounts: {}, shipping_discounts: {}, tier: null }
  const candidates = (discounts: Record<string, number | null>): PromotionCandidate[] =>
    Object.entries(discounts).map(([id, discount]) => ({ terms: promotion(id), evaluation: evaluation(discount) }))

  it.each<[string, Record<string, number | null>, string[]]>([
    ["nothing to choose from", {}, []],
    ["nothing eligible", { s1: INELIGIBLE, e1: INELIGIBLE, p5: INELIGIBLE }, []],
    ["stackable ones all apply, larger discount first", { s1: 5, s2: 10, s3: 1 }, ["s2", "s1", "s3"]],
    ["equal discounts in id order", { s2: 5, s1: 5 }, ["s1", "s2"]],
    ["ineligible ones are dropped", { s1: 5, s2: INELIGIBLE }, ["s1"]],
    ["the highest priority wins over a larger discount", { p5: 10, p7: 1 }, ["p7"]],
    ["of equal priority the larger discount", { p5: 10, p5b: 12 }, ["p5b"]],
    ["of equal priority and discount the smaller id", { p5b: 10, p5: 10 }, ["p5"]],
    ["an ineligible higher priority does not count", { p5: 10, p7: INELIGIBLE }, ["p5"]],
    ["the priority winner combines with stackable ones", { s1: 3, p5: 10, p7: 4 }, ["p7", "s1"]],
    ["an exclusive one beating the rest applies alone", { s1: 3, p7: 4, e1: 7.01 }, ["e1"]],
    ["an exclusive one tying with the rest loses", { s1: 3, p7: 4, e1: 7 }, ["p7", "s1"]],
    ["an exclusive one below the rest loses", { s1: 3, p7: 4, e1: 6 }, ["p7", "s1"]],
    ["only the priority winner counts in the rest", { p5: 100, p7: 4, e1: 5 }, ["e1"]],
    ["of exclusive ones the larger discount", { e1: 5, e2: 8 }, ["e2"]],
    ["of equal exclusive ones the smaller id", { e2: 8, e1: 8 }, ["e1"]],
    ["a lone exclusive one applies even at nothing off", { e1: 0 }, ["e1"]],
    ["an ineligible exclusive one does not count", { s1: 1, e1: INELIGIBLE }, ["s1"]],
    ["float sums still tie: 0.1 + 0.2 against 0.3", { s1: 0.1, s2: 0.2, e1: 0.3 }, ["s2", "s1"]],
  ])("%s", (_, discounts, expected) => {
    expect(selectBest(candidates(discounts))).toEqual(expected)
  })

  it("gives the same answer in any input order", () => {
    const all = candidates({ s1: 3, s2: 3, p5: 4, p5b: 4, p7: 2, e1: 8, e2: 8, s3: INELIGIBLE })
    const expected = selectBest(all)
    expect(expected).toEqual(["s1", "s2", "p7"])
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        expect(selectBest(shuffled)).toEqual(expected)
      })
    )
  })
})
