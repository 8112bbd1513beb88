import {
  IneligibilityReason,
  PromotionStatus,
  PromotionTerms,
  PromotionUsage,
} from "../../../../../types/promotion/module"
import { checkAvailability } from "../availability"
import { NOW, terms, unused } from "./fixtures"

const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs)
const usage = (overrides: Partial<PromotionUsage>): PromotionUsage => ({ ...unused, ...overrides })

type Case = [string, Partial<PromotionTerms>, Partial<PromotionUsage>, string | null, IneligibilityReason | null]

describe("checkAvailability", () => {
  it.each<Case>([
    ["an active promotion with no limits", {}, {}, "cus_1", null],
    ["an active promotion for a guest", {}, {}, null, null],
    ...[PromotionStatus.DRAFT, PromotionStatus.PAUSED, PromotionStatus.ENDED].map(
      (status): Case => [`a ${status} promotion`, { status }, {}, "cus_1", IneligibilityReason.INACTIVE]
    ),
    // window: starts_at inclusive, ends_at exclusive, as native campaigns
    ["starting now", { starts_at: at(0) }, {}, "cus_1", null],
    ["starting in a millisecond", { starts_at: at(1) }, {}, "cus_1", IneligibilityReason.NOT_STARTED],
    ["ending in a millisecond", { ends_at: at(1) }, {}, "cus_1", null],
    ["ending now", { ends_at: at(0) }, {}, "cus_1", IneligibilityReason.EXPIRED],
    ["ended an hour ago", { ends_at: at(-3_600_000) }, {}, "cus_1", IneligibilityReason.EXPIRED],
    // total uses, reservations included
    ["one use left", { usage_limit: 5 }, { used: 4 }, "cus_1", null],
    ["no use left", { usage_limit: 5 }, { used: 5 }, "cus_1", IneligibilityReason.LIMIT_REACHED],
    ["over the limit", { usage_limit: 5 }, { used: 6 }, null, IneligibilityReason.LIMIT_REACHED],
    ["a limit of zero", { usage_limit: 0 }, {}, "cus_1", IneligibilityReason.LIMIT_REACHED],
    // this customer's uses
    ["one use left for the customer", { per_customer_limit: 2 }, { used_by_customer: 1 }, "cus_1", null],
    ["no use left for the customer", { per_customer_limit: 2 }, { used_by_customer: 2 }, "cus_1", IneligibilityReason.CUSTOMER_LIMIT_REACHED],
    // sign-in
    ["a per-customer limit for a guest", { per_customer_limit: 1 }, {}, null, IneligibilityReason.LOGIN_REQUIRED],
    ["a segment for a guest", { segment_id: "mseg_1" }, {}, null, IneligibilityReason.LOGIN_REQUIRED],
    ["customer groups for a guest", { customer_group_ids: ["cusgroup_1"] }, {}, null, IneligibilityReason.LOGIN_REQUIRED],
    ["a segment for a customer (membership needs a cart)", { segment_id: "mseg_1" }, {}, "cus_1", null],
    // budget, compared at the currency's precision
    ["budget with a cent left", { budget_amount: 100, currency_code: "eur" }, { spent: 99.99 }, "cus_1", null],
    ["budget spent exactly", { budget_amount: 100, currency_code: "eur" }, { spent: 100 }, "cus_1", IneligibilityReason.BUDGET_EXHAUSTED],
    ["budget spent to the rounded cent", { budget_amount: 100, currency_code: "eur" }, { spent: 99.995 }, "cus_1", IneligibilityReason.BUDGET_EXHAUSTED],
    ["budget overspent", { budget_amount: 100, currency_code: "eur" }, { spent: 150 }, "cus_1", IneligibilityReason.BUDGET_EXHAUSTED],
    ["a yen budget with a yen left", { budget_amount: 1000, currency_code: "jpy" }, { spent: 999 }, "cus_1", null],
    ["a yen budget spent to the rounded yen", { budget_amount: 1000, currency_code: "jpy" }, { spent: 999.5 }, "cus_1", IneligibilityReason.BUDGET_EXHAUSTED],
  ])("%s", (_, overrides, usageOverrides, customerId, expected) => {
    expect(checkAvailability(terms(overrides), usage(usageOverrides), NOW, customerId)?.reason ?? null).toBe(expected)
  })

  // Every check above fails at once; removing the first failure each time reveals the next.
  const failingEverything: Partial<PromotionTerms> = {
    status: PromotionStatus.PAUSED,
    starts_at: at(1),
    usage_limit: 1,
    per_customer_limit: 1,
    budget_amount: 10,
    currency_code: "eur",
  }
  it.each<[string, Partial<PromotionTerms>, string | null, IneligibilityReason]>([
    ["status first", failingEverything, "cus_1", IneligibilityReason.INACTIVE],
    ["then the start", { ...failingEverything, status: PromotionStatus.ACTIVE }, "cus_1", IneligibilityReason.NOT_STARTED],
    ["then the end", { ...failingEverything, status: PromotionStatus.ACTIVE, starts_at: null, ends_at: at(0) }, "cus_1", IneligibilityReason.EXPIRED],
    ["then total uses", { ...failingEverything, status: PromotionStatus.ACTIVE, starts_at: null }, "cus_1", IneligibilityReason.LIMIT_REACHED],
    ["then the customer's uses", { ...failingEverything, status: PromotionStatus.ACTIVE, starts_at: null, usage_limit: null }, "cus_1", IneligibilityReason.CUSTOMER_LIMIT_REACHED],
    ["then sign-in", { ...failingEverything, status: PromotionStatus.ACTIVE, starts_at: null, usage_limit: null }, null, IneligibilityReason.LOGIN_REQUIRED],
    ["then budget", { ...failingEverything, status: PromotionStatus.ACTIVE, starts_at: null, usage_limit: null, per_customer_limit: null }, null, IneligibilityReason.BUDGET_EXHAUSTED],
  ])("checks in order: %s", (_, overrides, customerId, expected) => {
    const exhausted = usage({ used: 1, used_by_customer: 1, spent: 10 })
    expect(checkAvailability(terms(overrides), exhausted, NOW, customerId)?.reason).toBe(expected)
  })

  it.each<[Partial<PromotionTerms>, Partial<PromotionUsage>, string | null, string]>([
    [{ status: PromotionStatus.DRAFT }, {}, "cus_1", "This offer is not active."],
    [{ starts_at: new Date("2026-12-24T08:30:00Z") }, {}, "cus_1", "This offer starts on Dec 24, 2026, 08:30 UTC."],
    [{ ends_at: new Date("2026-12-01T23:59:00Z") }, {}, "cus_1", "This offer ended on Dec 1, 2026, 23:59 UTC."],
    [{ usage_limit: 1 }, { used: 1 }, "cus_1", "This code has been used the maximum number of times."],
    [{ per_customer_limit: 1 }, { used_by_customer: 1 }, "cus_1", "You have already used this offer."],
    [{ per_customer_limit: 3 }, { used_by_customer: 3 }, "cus_1", "You have already used this offer 3 times, the most allowed."],
    [{ segment_id: "mseg_1" }, {}, null, "Sign in to use this offer."],
    [{ budget_amount: 5, currency_code: "eur" }, { spent: 5 }, "cus_1", "This offer is no longer available: its budget has been used up."],
  ])("says why: %p", (overrides, usageOverrides, customerId, message) => {
    expect(checkAvailability(terms(overrides), usage(usageOverrides), NOW, customerId)?.message).toBe(message)
  })
})
