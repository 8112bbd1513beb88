import {
  PromotionCodeMode,
  PromotionItemTarget,
  PromotionType,
} from "../../../types/promotion/module"
import { CodePatternError, parseCodePattern } from "./code-pattern"

/** The terms whose combination decides whether a promotion makes sense. */
export interface TermsToCheck {
  type: PromotionType
  code_mode: PromotionCodeMode
  code?: string | null
  code_pattern?: string | null
  value?: number | null
  currency_code?: string | null
  tiers?: { threshold: number; value: number }[] | null
  buy_get?: { buy_target: PromotionItemTarget; get_target: PromotionItemTarget } | null
  min_subtotal?: number | null
  budget_amount?: number | null
  per_customer_limit?: number | null
  starts_at?: Date | string | null
  ends_at?: Date | string | null
}

const isEmptyTarget = (target: PromotionItemTarget) =>
  !target.product_ids.length && !target.category_ids.length && !target.collection_ids.length

/**
 * Rules that span fields, each problem a sentence naming its field. Shared by the create validator
 * and the update workflow, which checks the stored promotion with the changes applied.
 */
export function termsProblems(terms: TermsToCheck): string[] {
  const problems: string[] = []
  const hasValue = terms.value !== null && terms.value !== undefined
  switch (terms.type) {
    case PromotionType.PERCENTAGE:
      if (!hasValue || terms.value! <= 0 || terms.value! > 100) {
        problems.push("value: a percentage promotion needs a value above 0 and at most 100")
      }
      break
    case PromotionType.FIXED:
      if (!hasValue || terms.value! <= 0) problems.push("value: a fixed promotion needs an amount above 0")
      if (!terms.currency_code) problems.push("currency_code: a fixed amount needs its currency")
      break
    case PromotionType.FREE_SHIPPING:
    case PromotionType.BUY_GET:
      if (hasValue) problems.push(`value: a ${terms.type} promotion takes no value`)
      break
    case PromotionType.TIERED:
      if (hasValue) problems.push("value: a tiered promotion takes its amounts from tiers")
      break
  }
  if (terms.type === PromotionType.BUY_GET) {
    if (!terms.buy_get) {
      problems.push("buy_get: a buy_get promotion needs buy_get")
    } else if (isEmptyTarget(terms.buy_get.buy_target) || isEmptyTarget(terms.buy_get.get_target)) {
      problems.push("buy_get: buy_target and get_target each need products, categories or collections")
    }
  } else if (terms.buy_get) {
    problems.push("buy_get: only a buy_get promotion takes buy_get")
  }
  if (terms.type === PromotionType.TIERED) {
    const tiers = terms.tiers ?? []
    if (!tiers.length) problems.push("tiers: a tiered promotion needs at least one tier")
    if (!terms.currency_code) problems.push("currency_code: tier amounts need their currency")
    if (new Set(tiers.map((t) => t.threshold)).size !== tiers.length) {
      problems.push("tiers: each tier needs its own threshold")
    }
    if (terms.code_mode !== PromotionCodeMode.AUTOMATIC) {
      problems.push("code_mode: tiered promotions apply automatically by spend, so code_mode must be 'automatic'")
    }
  } else if (terms.tiers?.length) {
    problems.push("tiers: only a tiered promotion takes tiers")
  }
  if (terms.code_mode === PromotionCodeMode.AUTOMATIC) {
    // Nothing is applied, so nothing is reserved: only Medusa's own total limit holds at completion.
    if (terms.per_customer_limit !== null && terms.per_customer_limit !== undefined) {
      problems.push("per_customer_limit: an automatic promotion is not applied by the customer, so it cannot be counted per customer; use a shared or generated code")
    }
    if (terms.budget_amount !== null && terms.budget_amount !== undefined) {
      problems.push("budget_amount: an automatic promotion cannot hold a budget; use usage_limit, or a shared or generated code")
    }
  }
  if (terms.code_mode === PromotionCodeMode.SHARED && !terms.code) {
    problems.push("code: a shared-code promotion needs its code")
  }
  if (terms.code_mode !== PromotionCodeMode.SHARED && terms.code) {
    problems.push(`code: only code_mode 'shared' takes a code (generate codes for 'unique')`)
  }
  if (terms.code_pattern) {
    if (terms.code_mode !== PromotionCodeMode.UNIQUE) {
      problems.push("code_pattern: only code_mode 'unique' generates codes")
    } else {
      try {
        parseCodePattern(terms.code_pattern)
      } catch (error) {
        if (!(error instanceof CodePatternError)) throw error
        problems.push(error.message)
      }
    }
  }
  if (terms.min_subtotal !== null && terms.min_subtotal !== undefined && !terms.currency_code) {
    problems.push("currency_code: min_subtotal needs its currency")
  }
  if (terms.budget_amount !== null && terms.budget_amount !== undefined && !terms.currency_code) {
    problems.push("currency_code: budget_amount needs its currency")
  }
  if (terms.starts_at && terms.ends_at && new Date(terms.starts_at) >= new Date(terms.ends_at)) {
    problems.push("ends_at: must be after starts_at")
  }
  return problems
}
