import type {
  PromotionCodeMode,
  PromotionCodeStatus,
  PromotionStatus,
  PromotionType,
  RedemptionStatus,
  ReleaseReason,
  StackingRule,
} from "../../types/promotion/module"
import type { Exhaustion } from "../../modules/promotion/lib/exhaustion"
import type { AdminPromotion } from "../types/promotions"
import { formatAmount, formatDate, formatNumber } from "./format"

type BadgeColor = "green" | "red" | "orange" | "grey" | "blue" | "purple"

/** How each status reads in badges and filters: grey until it runs, green while it does, orange held. */
export const PROMOTION_STATUSES: Record<PromotionStatus, { label: string; color: BadgeColor }> = {
  draft: { label: "Draft", color: "grey" },
  active: { label: "Active", color: "green" },
  paused: { label: "Paused", color: "orange" },
  ended: { label: "Ended", color: "purple" },
}

/** An active promotion whose uses are all held, or whose budget is spent, reads as exhausted. */
export const PROMOTION_EXHAUSTIONS: Record<Exhaustion, { label: string; color: BadgeColor }> = {
  limit_reached: { label: "Exhausted: limit reached", color: "red" },
  budget_exhausted: { label: "Exhausted: budget spent", color: "red" },
}

export const PROMOTION_TYPES: Record<PromotionType, { label: string; description: string }> = {
  percentage: { label: "Percentage off", description: "A share off the targeted items." },
  fixed: { label: "Amount off", description: "A fixed amount off the targeted items, spread across them." },
  free_shipping: { label: "Free shipping", description: "The shipping methods free of charge." },
  buy_get: { label: "Buy X get Y", description: "Buy some items, get others free or at a discount." },
  tiered: { label: "Spend tiers", description: "The more the cart's items come to, the more off." },
}

export const PROMOTION_CODE_MODES: Record<PromotionCodeMode, { label: string; description: string }> = {
  automatic: { label: "Automatic", description: "Applies by itself to every eligible cart." },
  shared: { label: "Shared code", description: "One code that everybody types." },
  unique: { label: "Generated codes", description: "Single-use codes, generated in batches." },
}

export const STACKING_RULES: Record<StackingRule, { label: string; description: string }> = {
  stackable: { label: "Stackable", description: "Combines with any other promotion." },
  exclusive: { label: "Exclusive", description: "Never combines with another promotion on the same cart." },
  priority: {
    label: "By priority",
    description: "Among competing priority promotions only the highest applies; stackable ones still combine.",
  },
}

export const CODE_STATUSES: Record<PromotionCodeStatus, { label: string; color: BadgeColor }> = {
  available: { label: "Available", color: "green" },
  reserved: { label: "In a cart", color: "orange" },
  redeemed: { label: "Redeemed", color: "blue" },
  void: { label: "Void", color: "grey" },
}

export const REDEMPTION_STATUSES: Record<RedemptionStatus, { label: string; color: BadgeColor }> = {
  reserved: { label: "Reserved", color: "orange" },
  redeemed: { label: "Redeemed", color: "green" },
  released: { label: "Released", color: "grey" },
}

export const RELEASE_REASONS: Record<ReleaseReason, string> = {
  removed: "Removed from the cart",
  abandoned: "Cart abandoned",
  cancelled: "Order cancelled",
}

type Offer = Pick<AdminPromotion, "type" | "value" | "currency_code" | "buy_get" | "tiers">

/** What the shopper gets, in a few words: "10% off", "€5.00 off", "Buy 2 get 1", "Spend tiers". */
export function offerSummary(promotion: Offer): string {
  switch (promotion.type) {
    case "percentage":
      return promotion.value == null ? "Percentage off" : `${formatNumber(promotion.value)}% off`
    case "fixed":
      return promotion.value == null ? "Amount off" : `${formatAmount(promotion.value, promotion.currency_code)} off`
    case "free_shipping":
      return "Free shipping"
    case "buy_get": {
      const rule = promotion.buy_get
      if (!rule) return "Buy X get Y"
      const got = rule.get_percentage >= 100 ? `get ${rule.get_quantity}` : `get ${rule.get_quantity} at ${formatNumber(rule.get_percentage)}% off`
      return `Buy ${rule.buy_quantity} ${got}`
    }
    case "tiered":
      return "Spend tiers"
  }
}

/** How a shopper gets it: the shared code itself, or which kind of redemption. */
export const codeSummary = (promotion: Pick<AdminPromotion, "code_mode" | "code">) =>
  promotion.code_mode === "shared" && promotion.code ? promotion.code : PROMOTION_CODE_MODES[promotion.code_mode].label

/** When it runs: "1 Mar 2026 – 31 Mar 2026", "From 1 Mar 2026", "Until …"; null when always. */
export function windowSummary({ starts_at, ends_at }: Pick<AdminPromotion, "starts_at" | "ends_at">): string | null {
  if (starts_at && ends_at) return `${formatDate(starts_at)} – ${formatDate(ends_at)}`
  if (starts_at) return `From ${formatDate(starts_at)}`
  if (ends_at) return `Until ${formatDate(ends_at)}`
  return null
}

/** "12 / 100", or "12" without a limit. */
export const usageSummary = ({ used_count, usage_limit }: Pick<AdminPromotion, "used_count" | "usage_limit">) =>
  usage_limit == null ? formatNumber(used_count) : `${formatNumber(used_count)} / ${formatNumber(usage_limit)}`

/** An amount in the promotion's currency, e.g. its spend or budget. */
export const promotionAmount = (amount: number, promotion: Pick<AdminPromotion, "currency_code">) =>
  formatAmount(amount, promotion.currency_code)
