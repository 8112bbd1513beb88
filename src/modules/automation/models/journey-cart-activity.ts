import { model } from "@medusajs/framework/utils"

/**
 * When a cart last changed, from the storefront's cart events: the abandoned-cart job finds carts
 * idle for a journey's minutes with one range scan here (the cart module's table has no index on
 * its update time).
 */
const JourneyCartActivity = model
  .define({ name: "JourneyCartActivity", tableName: "marketing_journey_cart_activity" }, {
    id: model.id({ prefix: "mjcac" }).primaryKey(),
    cart_id: model.text(),
    last_activity_at: model.dateTime(),
  })
  .indexes([{ on: ["cart_id"], unique: true }, { on: ["last_activity_at"] }])

export default JourneyCartActivity
