import { model } from "@medusajs/framework/utils"

/**
 * Why an order happened, as far as marketing knows: the campaign and message of the tracked click
 * the shopper arrived through, and the promotions and codes it redeemed. Written once at order.placed;
 * `canceled_at` is stamped when marketing records the order's cancellation (order.canceled), which the
 * analytics rollup reads through its index rather than scanning Medusa's orders.
 */
const OrderAttribution = model
  .define({ name: "OrderAttribution", tableName: "marketing_order_attribution" }, {
    id: model.id({ prefix: "mattr" }).primaryKey(),
    order_id: model.text(),
    cart_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    campaign_id: model.text().nullable(),
    message_id: model.text().nullable(),
    promotion_ids: model.json(),
    codes: model.json(),
    currency_code: model.text(),
    revenue: model.bigNumber(),
    discount_total: model.bigNumber(),
    clicked_at: model.dateTime().nullable(),
    canceled_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["campaign_id"], where: "campaign_id IS NOT NULL" },
    { on: ["message_id"], where: "message_id IS NOT NULL" },
    { on: ["canceled_at", "id"], where: "canceled_at IS NOT NULL" },
  ])

export default OrderAttribution
