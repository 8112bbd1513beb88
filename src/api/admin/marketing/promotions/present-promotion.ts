import { exhaustion } from "../../../../modules/promotion/lib/exhaustion"

/**
 * A promotion as the admin API answers it: with `exhausted` (no new shopper can use it: every use is
 * held or the budget is spent) and `exhausted_reason` (`limit_reached` or `budget_exhausted`), derived
 * from its counters when the answer carries them.
 */
export function presentPromotion<T extends Record<string, any>>(promotion: T) {
  if (!promotion || !("used_count" in promotion) || !("usage_limit" in promotion)) return promotion
  const reason = exhaustion(promotion as any)
  return { ...promotion, exhausted: reason !== null, exhausted_reason: reason }
}
