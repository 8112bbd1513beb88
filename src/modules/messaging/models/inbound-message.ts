import { model } from "@medusajs/framework/utils"

/**
 * An SMS reply that changed something (a STOP or START), by Twilio's MessageSid: Twilio may
 * deliver a webhook again, and a STOP delivered again after a later START must not count twice.
 * Nothing personal is kept: the sid alone tells a redelivery apart.
 */
const InboundMessage = model
  .define({ name: "InboundMessage", tableName: "marketing_inbound_message" }, {
    id: model.id({ prefix: "minb" }).primaryKey(),
    provider_message_id: model.text(),
    keyword: model.text(),
  })
  .indexes([{ on: ["provider_message_id"], unique: true }])

export default InboundMessage
