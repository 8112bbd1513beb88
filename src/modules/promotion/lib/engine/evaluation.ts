import { IneligibilityReason, PromotionTier } from "../../../../types/promotion/module"

/** Why a promotion does not apply, with the sentence the store API shows the shopper. */
export interface Ineligibility {
  eligible: false
  reason: IneligibilityReason
  message: string
}

/**
 * What a promotion takes off a cart, in the cart's currency (major units, rounded to it). Only lines
 * and shipping methods that get something are listed; their amounts add up to `discount` exactly.
 */
export interface EligibleEvaluation {
  eligible: true
  discount: number
  item_discounts: Record<string, number>
  shipping_discounts: Record<string, number>
  /** For `tiered`, the tier reached; otherwise null. */
  tier: PromotionTier | null
}

export type PromotionEvaluation = EligibleEvaluation | Ineligibility

export const ineligible = (reason: IneligibilityReason, message: string): Ineligibility => ({
  eligible: false,
  reason,
  message,
})

export const plural = (count: number, singular: string, pluralForm = `${singular}s`) =>
  `${count} ${count === 1 ? singular : pluralForm}`
