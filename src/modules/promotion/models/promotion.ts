import { model } from "@medusajs/framework/utils"
import {
  PromotionCodeMode,
  PromotionStatus,
  PromotionType,
  StackingRule,
} from "../../../types/promotion/module"
import PromotionCode from "./promotion-code"
import Redemption from "./redemption"

/**
 * An offer of a campaign. Its terms are mirrored into native promotions (see the README's
 * "Promotions"), which compute the cart's adjustments; this row holds what native promotions cannot:
 * segment targeting, tiers, stacking, budgets and the reservation counters.
 */
const MarketingPromotion = model
  .define({ name: "MarketingPromotion", tableName: "marketing_promotion" }, {
    id: model.id({ prefix: "mpromo" }).primaryKey(),
    campaign_id: model.text().nullable(),
    name: model.text().searchable(),
    description: model.text().searchable().nullable(),
    type: model.enum(PromotionType),
    status: model.enum(PromotionStatus).default(PromotionStatus.DRAFT),
    code_mode: model.enum(PromotionCodeMode),
    /** The shared code, upper case. */
    code: model.text().searchable().nullable(),
    /** How generated codes look: X is one random character, anything else is kept (e.g. SPRING-XXXX-XXXX). */
    code_pattern: model.text().nullable(),
    value: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    tiers: model.json().nullable(),
    buy_get: model.json().nullable(),
    target: model.json(),
    segment_id: model.text().nullable(),
    customer_group_ids: model.json(),
    min_subtotal: model.bigNumber().nullable(),
    starts_at: model.dateTime().nullable(),
    ends_at: model.dateTime().nullable(),
    usage_limit: model.number().nullable(),
    per_customer_limit: model.number().nullable(),
    budget_amount: model.bigNumber().nullable(),
    stacking: model.enum(StackingRule).default(StackingRule.STACKABLE),
    priority: model.number().default(0),
    /** Reservations and redemptions that count against the limits, kept with the ledger in one transaction. */
    used_count: model.number().default(0),
    /** Reserved estimates plus redeemed discounts, in `currency_code`: what counts against the budget. */
    spent_amount: model.bigNumber().default(0),
    redeemed_count: model.number().default(0),
    metadata: model.json().nullable(),
    codes: model.hasMany(() => PromotionCode, { mappedBy: "promotion" }),
    redemptions: model.hasMany(() => Redemption, { mappedBy: "promotion" }),
  })
  .cascades({ delete: ["codes"] })
  .indexes([
    { on: ["campaign_id"] },
    { on: ["status"] },
    { on: ["code"], unique: true, where: "code IS NOT NULL AND deleted_at IS NULL" },
  ])

export default MarketingPromotion
