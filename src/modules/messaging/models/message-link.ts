import { model } from "@medusajs/framework/utils"
import Message from "./message"

/** A link of a sent email as it was written: the click route redirects only to these. */
const MessageLink = model
  .define({ name: "MessageLink", tableName: "marketing_message_link" }, {
    id: model.id({ prefix: "mlnk" }).primaryKey(),
    position: model.number(),
    url: model.text(),
    message: model.belongsTo(() => Message, { mappedBy: "links" }),
  })
  .indexes([{ on: ["message_id", "position"], unique: true }])

export default MessageLink
