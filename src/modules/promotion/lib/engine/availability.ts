import {
  IneligibilityReason,
  PromotionStatus,
  PromotionTerms,
  PromotionUsage,
} from "../../../../types/promotion/module"
import { Ineligibility, ineligible, plural } from "./evaluation"
import { toMinor } from "./money"

const moment = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" })
const formatMoment = (date: Date) => `${moment.format(date)} UTC`

/** Per-customer limits and audience targeting can only be checked for a known customer. */
const requiresCustomer = (terms: PromotionTerms) =>
  terms.per_customer_limit !== null || terms.segment_id !== null || terms.customer_group_ids.length > 0

/** Spent has reached the budget, compared in the promotion currency's minor units. */
const isBudgetSpent = (terms: PromotionTerms, spent: number) =>
  terms.budget_amount !== null &&
  terms.currency_code !== null &&
  toMinor(spent, terms.currency_code) >= toMinor(terms.budget_amount, terms.currency_code)

export const budgetExhausted = () =>
  ineligible(IneligibilityReason.BUDGET_EXHAUSTED, "This offer is no longer available: its budget has been used up.")

/**
 * Whether a promotion can be used at all by this customer (null for a guest) at `now`, before any
 * cart is looked at: what listing a customer's offers needs. Checked in this order, first failure
 * wins: status, window (starts_at inclusive, ends_at exclusive, as native campaigns), total uses,
 * this customer's uses, sign-in, budget.
 */
export function checkAvailability(
  terms: PromotionTerms,
  usage: PromotionUsage,
  now: Date,
  customerId: string | null
): Ineligibility | null {
  if (terms.status !== PromotionStatus.ACTIVE) {
    return ineligible(IneligibilityReason.INACTIVE, "This offer is not active.")
  }
  if (terms.starts_at && now < terms.starts_at) {
    return ineligible(IneligibilityReason.NOT_STARTED, `This offer starts on ${formatMoment(terms.starts_at)}.`)
  }
  if (terms.ends_at && now >= terms.ends_at) {
    return ineligible(IneligibilityReason.EXPIRED, `This offer ended on ${formatMoment(terms.ends_at)}.`)
  }
  if (terms.usage_limit !== null && usage.used >= terms.usage_limit) {
    return ineligible(IneligibilityReason.LIMIT_REACHED, "This code has been used the maximum number of times.")
  }
  if (customerId !== null && terms.per_customer_limit !== null && usage.used_by_customer >= terms.per_customer_limit) {
    return ineligible(
      IneligibilityReason.CUSTOMER_LIMIT_REACHED,
      terms.per_customer_limit === 1
        ? "You have already used this offer."
        : `You have already used this offer ${plural(terms.per_customer_limit, "time")}, the most allowed.`
    )
  }
  if (customerId === null && requiresCustomer(terms)) {
    return ineligible(IneligibilityReason.LOGIN_REQUIRED, "Sign in to use this offer.")
  }
  if (isBudgetSpent(terms, usage.spent)) {
    return budgetExhausted()
  }
  return null
}
