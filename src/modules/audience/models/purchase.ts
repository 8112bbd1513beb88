import { model } from "@medusajs/framework/utils"
import Contact from "./contact"

/**
 * One order line of a contact, with the keys (id, handle, lower-cased name) its product,
 * categories and collection are known by: what `purchased(category = 'shoes')` matches.
 */
const Purchase = model
  .define({ name: "Purchase", tableName: "marketing_purchase" }, {
    id: model.id({ prefix: "mpur" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    product_id: model.text().nullable(),
    product_keys: model.array().default([]),
    category_keys: model.array().default([]),
    collection_keys: model.array().default([]),
    quantity: model.number(),
    amount: model.bigNumber(),
    currency_code: model.text(),
    purchased_at: model.dateTime(),
    contact: model.belongsTo(() => Contact, { mappedBy: "purchases" }),
  })
  .indexes([
    { on: ["line_item_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["contact_id", "purchased_at"] },
    { on: ["order_id"] },
    { on: ["category_keys"], type: "GIN" },
    { on: ["product_keys"], type: "GIN" },
    { on: ["collection_keys"], type: "GIN" },
  ])

export default Purchase
