import { model } from "@medusajs/framework/utils"
import { PromotionCodeStatus } from "../../../types/promotion/module"
import MarketingPromotion from "./promotion"

/**
 * One generated single-use code. Its native promotion is created the first time a shopper applies it,
 * so that a million codes cost a million small rows here and nothing in the native tables.
 */
const PromotionCode = model
  .define({ name: "PromotionCode", tableName: "marketing_promotion_code" }, {
    id: model.id({ prefix: "mpcode" }).primaryKey(),
    code: model.text().searchable(),
    status: model.enum(PromotionCodeStatus).default(PromotionCodeStatus.AVAILABLE),
    /** Only this contact may use it, and their messages can print it. */
    contact_id: model.text().nullable(),
    /** The generation run it came from, for export. */
    batch_id: model.text(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    native_promotion_id: model.text().nullable(),
    reserved_at: model.dateTime().nullable(),
    redeemed_at: model.dateTime().nullable(),
    promotion: model.belongsTo(() => MarketingPromotion, { mappedBy: "codes" }),
  })
  .indexes([
    { on: ["code"], unique: true, where: "deleted_at IS NULL" },
    // Exports and assignment walk a promotion's codes in id order.
    { on: ["promotion_id", "id"] },
    { on: ["batch_id"] },
    { on: ["contact_id"], where: "contact_id IS NOT NULL" },
  ])

export default PromotionCode
