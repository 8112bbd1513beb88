import { CreateCampaignBudgetDTO, CreatePromotionDTO, CreatePromotionRuleDTO } from "@medusajs/framework/types"
import {
  ApplicationMethodAllocation,
  CampaignBudgetType,
  ApplicationMethodTargetType,
  ApplicationMethodType,
  PromotionRuleOperator,
  PromotionStatus as NativePromotionStatus,
  PromotionType as NativePromotionType,
} from "@medusajs/framework/utils"
import {
  PromotionCodeMode,
  PromotionItemTarget,
  PromotionStatus,
  PromotionTerms,
  PromotionType,
} from "../../types/promotion/module"

/** Marks native promotions as a marketing promotion's mirror, so that they can be found and explained. */
export const MARKETING_PROMOTION_METADATA_KEY = "marketing_promotion_id"

export type MirroredPromotion = PromotionTerms & {
  name: string
  code_mode: PromotionCodeMode
  code: string | null
  /** Orders that redeemed it so far: where a rebuilt mirror's native count starts. */
  redeemed_count?: number
}

export interface MirrorContext {
  /** The native campaign holding this promotion's validity window. */
  campaign_id: string
  /** The segment's synced customer group, when the promotion targets a segment. */
  segment_group_id: string | null
  /** For unique codes: the codes to create a native promotion for (each is created when first applied). */
  codes?: string[]
}

/** Automatic promotions still need a native code: derived from the id, so it is stable across syncs. */
export const automaticCode = (promotionId: string, tier?: number) =>
  `MKT-${promotionId.replace(/^mpromo_/, "").toUpperCase()}${tier === undefined ? "" : `-T${tier + 1}`}`

const rule = (attribute: string, operator: PromotionRuleOperator, values: string | string[]): CreatePromotionRuleDTO => ({
  attribute,
  operator,
  values,
})

/** An item must match every list that is not empty. */
export function itemTargetRules(target: PromotionItemTarget): CreatePromotionRuleDTO[] {
  return [
    ["items.product.id", target.product_ids],
    ["items.product.categories.id", target.category_ids],
    ["items.product.collection_id", target.collection_ids],
  ]
    .filter(([, ids]) => ids.length > 0)
    .map(([attribute, ids]) => rule(attribute as string, PromotionRuleOperator.IN, ids as string[]))
}

/** Who and which carts: segment and customer groups, currency, minimum item subtotal. */
function cartRules(promotion: MirroredPromotion, context: MirrorContext): CreatePromotionRuleDTO[] {
  const rules: CreatePromotionRuleDTO[] = []
  if (context.segment_group_id) {
    rules.push(rule("customer.groups.id", PromotionRuleOperator.IN, [context.segment_group_id]))
  }
  if (promotion.customer_group_ids.length) {
    rules.push(rule("customer.groups.id", PromotionRuleOperator.IN, promotion.customer_group_ids))
  }
  if (promotion.currency_code) {
    rules.push(rule("currency_code", PromotionRuleOperator.EQ, promotion.currency_code.toLowerCase()))
  }
  if (promotion.min_subtotal !== null) {
    rules.push(rule("item_subtotal", PromotionRuleOperator.GTE, String(promotion.min_subtotal)))
  }
  return rules
}

function applicationMethod(promotion: MirroredPromotion): CreatePromotionDTO["application_method"] {
  const target_rules = itemTargetRules(promotion.target)
  const currency_code = promotion.currency_code?.toLowerCase()
  switch (promotion.type) {
    case PromotionType.PERCENTAGE:
      return {
        type: ApplicationMethodType.PERCENTAGE,
        target_type: ApplicationMethodTargetType.ITEMS,
        allocation: ApplicationMethodAllocation.ACROSS,
        value: Number(promotion.value),
        currency_code: budgetCurrency(promotion),
        target_rules,
      }
    case PromotionType.FIXED:
      return {
        type: ApplicationMethodType.FIXED,
        target_type: ApplicationMethodTargetType.ITEMS,
        allocation: ApplicationMethodAllocation.ACROSS,
        value: Number(promotion.value),
        currency_code,
        target_rules,
      }
    case PromotionType.FREE_SHIPPING:
      return {
        type: ApplicationMethodType.PERCENTAGE,
        target_type: ApplicationMethodTargetType.SHIPPING_METHODS,
        allocation: ApplicationMethodAllocation.ACROSS,
        value: 100,
        currency_code: budgetCurrency(promotion),
      }
    case PromotionType.BUY_GET: {
      const buyGet = promotion.buy_get!
      return {
        type: ApplicationMethodType.PERCENTAGE,
        target_type: ApplicationMethodTargetType.ITEMS,
        allocation: ApplicationMethodAllocation.EACH,
        value: buyGet.get_percentage,
        currency_code: budgetCurrency(promotion),
        max_quantity: buyGet.get_quantity,
        apply_to_quantity: buyGet.get_quantity,
        buy_rules_min_quantity: buyGet.buy_quantity,
        buy_rules: itemTargetRules(buyGet.buy_target),
        target_rules: itemTargetRules(buyGet.get_target),
      }
    }
    case PromotionType.TIERED:
      throw new Error("tiered promotions are mirrored one tier at a time")
  }
}

/**
 * The backstop (docs/limits.md): every limit is also Medusa's own, checked under its row lock when a cart
 * completes, whatever path applied the code. A generated code is used once; any other promotion as
 * often as its usage_limit allows.
 */
function nativeLimit(promotion: MirroredPromotion) {
  return promotion.code_mode === PromotionCodeMode.UNIQUE ? 1 : promotion.usage_limit
}

/**
 * The native campaign budget that holds a promotion's money budget (spend, in its currency) or, when it
 * has none, its per-customer limit (uses by customer_id). A native campaign has one budget: with both,
 * the per-customer limit is held where codes are applied only. Automatic promotions have neither.
 */
export function nativeCampaignBudget(promotion: MirroredPromotion): CreateCampaignBudgetDTO | null {
  if (promotion.budget_amount !== null && promotion.currency_code) {
    return {
      type: CampaignBudgetType.SPEND,
      limit: Number(promotion.budget_amount),
      currency_code: promotion.currency_code.toLowerCase(),
    }
  }
  if (promotion.per_customer_limit !== null && promotion.code_mode !== PromotionCodeMode.AUTOMATIC) {
    return { type: CampaignBudgetType.USE_BY_ATTRIBUTE, attribute: "customer_id", limit: promotion.per_customer_limit }
  }
  return null
}

/** A spend budget counts only discounts in its currency: Medusa wants it on the application method. */
const budgetCurrency = (promotion: MirroredPromotion) =>
  nativeCampaignBudget(promotion)?.type === CampaignBudgetType.SPEND ? promotion.currency_code!.toLowerCase() : undefined

function nativeStatus(status: PromotionStatus) {
  return status === PromotionStatus.ACTIVE ? NativePromotionStatus.ACTIVE : NativePromotionStatus.INACTIVE
}

/**
 * The native promotions that make a marketing promotion take effect in carts. Tiered spend becomes
 * one automatic promotion per tier, each bounded by the next tier's threshold so that only one
 * applies; unique codes become one single-use native promotion per code that a shopper applied.
 */
export function nativePromotionInputs(promotion: MirroredPromotion, context: MirrorContext): CreatePromotionDTO[] {
  const base = {
    status: nativeStatus(promotion.status),
    campaign_id: context.campaign_id,
    is_automatic: promotion.code_mode === PromotionCodeMode.AUTOMATIC,
    metadata: { [MARKETING_PROMOTION_METADATA_KEY]: promotion.id },
  }
  const rules = cartRules(promotion, context)

  if (promotion.type === PromotionType.TIERED) {
    const tiers = [...(promotion.tiers ?? [])].sort((a, b) => a.threshold - b.threshold)
    return tiers.map((tier, index) => ({
      ...base,
      code: automaticCode(promotion.id, index),
      type: NativePromotionType.STANDARD,
      is_automatic: true,
      application_method: {
        type: ApplicationMethodType.FIXED,
        target_type: ApplicationMethodTargetType.ITEMS,
        allocation: ApplicationMethodAllocation.ACROSS,
        value: tier.value,
        currency_code: promotion.currency_code!.toLowerCase(),
        target_rules: itemTargetRules(promotion.target),
      },
      rules: [
        ...rules,
        rule("item_subtotal", PromotionRuleOperator.GTE, String(tier.threshold)),
        ...(index + 1 < tiers.length
          ? [rule("item_subtotal", PromotionRuleOperator.LT, String(tiers[index + 1].threshold))]
          : []),
      ],
    }))
  }

  const codes =
    promotion.code_mode === PromotionCodeMode.UNIQUE
      ? context.codes ?? []
      : [promotion.code_mode === PromotionCodeMode.SHARED ? promotion.code! : automaticCode(promotion.id)]
  return codes.map((code) => ({
    ...base,
    code,
    type: promotion.type === PromotionType.BUY_GET ? NativePromotionType.BUYGET : NativePromotionType.STANDARD,
    limit: nativeLimit(promotion),
    application_method: applicationMethod(promotion),
    rules,
  }))
}
