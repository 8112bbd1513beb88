import { model } from "@medusajs/framework/utils"

/**
 * An abandoned cart a journey has dealt with, so that it enrols at most once: with the enrollment it
 * started (ended when the cart is completed), or none when the cart did not qualify or the entry
 * rule refused it (such a row goes when the cart changes again, so that it is looked at anew).
 */
const JourneyCart = model
  .define({ name: "JourneyCart", tableName: "marketing_journey_cart" }, {
    id: model.id({ prefix: "mjcrt" }).primaryKey(),
    journey_id: model.text(),
    cart_id: model.text(),
    enrollment_id: model.text().nullable(),
  })
  .indexes([{ on: ["journey_id", "cart_id"], unique: true }, { on: ["cart_id"] }])

export default JourneyCart
