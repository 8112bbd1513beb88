import { model } from "@medusajs/framework/utils"
import { AttributionModel, RollupDimension } from "../../../types/analytics"

/**
 * The daily rollup, a narrow fact table: one row per store day × dimension × attribution model ×
 * currency, its counters added to by each refresh (see docs/analytics.md). Money in minor units.
 */
const DailyRollup = model
  .define({ name: "DailyRollup", tableName: "marketing_analytics_daily_rollup" }, {
    id: model.id({ prefix: "madr" }).primaryKey(),
    /** YYYY-MM-DD in the store's timezone: sorts and compares as a date. */
    day: model.text(),
    dimension: model.enum(RollupDimension),
    /** "" for the whole store. */
    dimension_id: model.text(),
    attribution_model: model.enum(AttributionModel),
    /** "" on rows without money. */
    currency_code: model.text(),
    sent: model.number().default(0),
    delivered: model.number().default(0),
    bounced_hard: model.number().default(0),
    bounced_soft: model.number().default(0),
    complained: model.number().default(0),
    opened: model.number().default(0),
    clicked: model.number().default(0),
    clicks: model.number().default(0),
    unsubscribed: model.number().default(0),
    orders: model.number().default(0),
    codes_redeemed: model.number().default(0),
    revenue: model.bigNumber().default(0),
    discount_amount: model.bigNumber().default(0),
    refunded: model.bigNumber().default(0),
  })
  .indexes([
    { on: ["dimension", "dimension_id", "day", "attribution_model", "currency_code"], unique: true },
    { on: ["day"] },
  ])

export default DailyRollup
