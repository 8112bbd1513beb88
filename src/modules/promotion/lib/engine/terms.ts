import { PromotionTerms, PromotionType } from "../../../../types/promotion/module"

/**
 * Terms the engine cannot evaluate: a stored promotion is validated when it is written, so this is a
 * programming error, not a shopper-facing reason.
 */
export class InvalidPromotionTermsError extends Error {
  constructor(promotionId: string, problem: string) {
    super(`Promotion ${promotionId}: ${problem}`)
    this.name = "InvalidPromotionTermsError"
  }
}

const isPositive = (value: number | null | undefined): value is number => typeof value === "number" && value > 0

/** The problem with a promotion's terms, or null when the engine can evaluate them. */
export function termsProblem(terms: PromotionTerms): string | null {
  const needsCurrency =
    terms.type === PromotionType.FIXED ||
    terms.type === PromotionType.TIERED ||
    terms.min_subtotal !== null ||
    terms.budget_amount !== null
  if (needsCurrency && !terms.currency_code) {
    return "fixed and tiered amounts, a minimum subtotal and a budget need a currency_code"
  }
  switch (terms.type) {
    case PromotionType.PERCENTAGE:
      return isPositive(terms.value) && terms.value <= 100 ? null : "a percentage needs a value in (0, 100]"
    case PromotionType.FIXED:
      return isPositive(terms.value) ? null : "a fixed amount needs a positive value"
    case PromotionType.TIERED:
      return terms.tiers?.length && terms.tiers.every((tier) => tier.threshold >= 0 && isPositive(tier.value))
        ? null
        : "tiers need at least one tier, each with a threshold of 0 or more and a positive value"
    case PromotionType.BUY_GET: {
      const rule = terms.buy_get
      return rule &&
        Number.isInteger(rule.buy_quantity) &&
        Number.isInteger(rule.get_quantity) &&
        rule.buy_quantity > 0 &&
        rule.get_quantity > 0 &&
        isPositive(rule.get_percentage) &&
        rule.get_percentage <= 100
        ? null
        : "buy-get needs whole buy and get quantities of 1 or more and a get_percentage in (0, 100]"
    }
    case PromotionType.FREE_SHIPPING:
      return null
  }
}

export function assertEvaluableTerms(terms: PromotionTerms): void {
  const problem = termsProblem(terms)
  if (problem) {
    throw new InvalidPromotionTermsError(terms.id, problem)
  }
}
