import { model } from "@medusajs/framework/utils"
import { RedemptionStatus, ReleaseReason } from "../../../types/promotion/module"
import MarketingPromotion from "./promotion"

/**
 * The ledger: a promotion held by a cart (reserved), used by an order (redeemed) or given back
 * (released). Limits and budgets count reserved and redeemed rows, so they hold at apply time.
 */
const Redemption = model
  .define({ name: "Redemption", tableName: "marketing_promotion_redemption" }, {
    id: model.id({ prefix: "mpred" }).primaryKey(),
    status: model.enum(RedemptionStatus).default(RedemptionStatus.RESERVED),
    code: model.text().nullable(),
    code_id: model.text().nullable(),
    cart_id: model.text(),
    customer_id: model.text().nullable(),
    campaign_id: model.text().nullable(),
    currency_code: model.text(),
    /** The engine's estimate when reserved: what the spend budget holds until the order is placed. */
    estimated_discount: model.bigNumber(),
    /** The order's actual discount from this promotion, once redeemed. */
    discount_amount: model.bigNumber().nullable(),
    order_id: model.text().nullable(),
    reserved_at: model.dateTime(),
    redeemed_at: model.dateTime().nullable(),
    released_at: model.dateTime().nullable(),
    release_reason: model.enum(ReleaseReason).nullable(),
    promotion: model.belongsTo(() => MarketingPromotion, { mappedBy: "redemptions" }),
  })
  .indexes([
    { on: ["promotion_id", "cart_id"], unique: true, where: "status = 'reserved' AND deleted_at IS NULL" },
    { on: ["promotion_id", "customer_id", "status"] },
    { on: ["reserved_at"], where: "status = 'reserved' AND deleted_at IS NULL" },
    { on: ["cart_id"] },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    // The analytics refresh reads redemptions and their cancellations past its cursors.
    { on: ["redeemed_at", "id"], where: "redeemed_at IS NOT NULL" },
    { on: ["released_at", "id"], where: "released_at IS NOT NULL" },
  ])

export default Redemption
