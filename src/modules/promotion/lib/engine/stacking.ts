import { IneligibilityReason, PromotionTerms, StackingRule } from "../../../../types/promotion/module"
import { EligibleEvaluation, PromotionEvaluation } from "./evaluation"
import { roundHalfAwayFromZero, sum } from "./money"

export type CombineDecision =
  | { ok: true; replaces: string[] }
  | { ok: false; reason: typeof IneligibilityReason.NOT_COMBINABLE; message: string }

const refuse = (message: string): CombineDecision => ({ ok: false, reason: IneligibilityReason.NOT_COMBINABLE, message })

/**
 * Whether `incoming` may join the promotions already on a cart, and which of them it pushes out.
 * Re-applying a promotion that is already on the cart is judged against the others only.
 *   - exclusive incoming: refused while anything else is applied;
 *   - anything incoming while an exclusive one is applied: refused;
 *   - priority incoming: replaces the applied priority ones if its priority is higher than all of
 *     theirs, refused if any has an equal or higher priority;
 *   - stackable incoming, or priority incoming over no priority: combines.
 */
export function canCombine(applied: readonly PromotionTerms[], incoming: PromotionTerms): CombineDecision {
  const others = applied.filter((terms) => terms.id !== incoming.id)
  if (incoming.stacking === StackingRule.EXCLUSIVE && others.length > 0) {
    return refuse("This offer can't be combined with the offers already in your cart.")
  }
  if (others.some((terms) => terms.stacking === StackingRule.EXCLUSIVE)) {
    return refuse("An offer in your cart can't be combined with other offers.")
  }
  if (incoming.stacking !== StackingRule.PRIORITY) {
    return { ok: true, replaces: [] }
  }
  const competing = others.filter((terms) => terms.stacking === StackingRule.PRIORITY)
  if (competing.some((terms) => terms.priority >= incoming.priority)) {
    return refuse("An offer that takes precedence over this one is already in your cart.")
  }
  return { ok: true, replaces: competing.map((terms) => terms.id) }
}

export interface PromotionCandidate {
  terms: PromotionTerms
  evaluation: PromotionEvaluation
}

type EligibleCandidate = { terms: PromotionTerms; evaluation: EligibleEvaluation }

/**
 * Discounts compared at 4 decimals, the finest currency precision, so that float sums such as
 * 0.1 + 0.2 still tie with 0.3.
 */
const comparable = (amount: number) => roundHalfAwayFromZero(amount * 10_000)

/** By code point, not locale: the same order on every server. */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Larger discount first, then the smaller id: the order every choice below breaks ties by. */
const byDiscountThenId = (a: EligibleCandidate, b: EligibleCandidate) =>
  comparable(b.evaluation.discount) - comparable(a.evaluation.discount) || compareIds(a.terms.id, b.terms.id)

/**
 * The promotions to apply out of those evaluated against one cart (automatic offers, say), as ids,
 * larger discount first. Ineligible ones are dropped; of the priority ones only one stays, the
 * highest priority (then the larger discount, then the smaller id); stackable ones all stay. If an
 * exclusive one is eligible, the best of them (larger discount, then smaller id) is chosen alone when
 * its discount beats the sum of the others' or there are no others; otherwise every exclusive one
 * is dropped. Discounts are each promotion's own on the bare cart: native applies stacked
 * promotions one after another on what is left, so a stack can save less than its sum.
 */
export function selectBest(candidates: readonly PromotionCandidate[]): string[] {
  const eligible = candidates.filter((candidate): candidate is EligibleCandidate => candidate.evaluation.eligible)
  const withRule = (rule: StackingRule) => eligible.filter((candidate) => candidate.terms.stacking === rule)
  const priorityWinner = withRule(StackingRule.PRIORITY).sort(
    (a, b) => b.terms.priority - a.terms.priority || byDiscountThenId(a, b)
  )[0]
  const combined = [...withRule(StackingRule.STACKABLE), ...(priorityWinner ? [priorityWinner] : [])].sort(byDiscountThenId)
  const bestExclusive = withRule(StackingRule.EXCLUSIVE).sort(byDiscountThenId)[0]
  const combinedDiscount = sum(combined.map((candidate) => comparable(candidate.evaluation.discount)))
  const chosen =
    bestExclusive && (combined.length === 0 || comparable(bestExclusive.evaluation.discount) > combinedDiscount)
      ? [bestExclusive]
      : combined
  return chosen.map((candidate) => candidate.terms.id)
}
