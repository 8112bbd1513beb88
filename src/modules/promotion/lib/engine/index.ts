/**
 * The promotion engine's pure core: no I/O, no clock (`now` is an argument), same answer for the same
 * input. Amounts are in major units of a currency, rounded to it; the cart adjustments themselves are
 * computed by Medusa's native promotion module from the mirrored promotions, and these functions
 * agree with it (see discount.ts and buy-get.ts for where and how rounding differs).
 */
export { allocate, currencyDigits, formatMoney, roundMoney } from "./money"
export { checkAvailability } from "./availability"
export { evaluatePromotion } from "./evaluate"
export type { EligibleEvaluation, Ineligibility, PromotionEvaluation } from "./evaluation"
export { InvalidPromotionTermsError, termsProblem } from "./terms"
export { canCombine, selectBest } from "./stacking"
export type { CombineDecision, PromotionCandidate } from "./stacking"
export { estimateCost } from "./cost-estimate"
export type { CostEstimate, CostEstimateOptions, CustomerOrderHistory } from "./cost-estimate"
