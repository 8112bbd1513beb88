import { model } from "@medusajs/framework/utils"
import { ConsentChannel, ConsentStatus } from "../../../types/audience/module"
import Contact from "./contact"

/** One change of a contact's consent on a channel; the history is kept, never overwritten. */
const ConsentRecord = model
  .define({ name: "ConsentRecord", tableName: "marketing_consent_record" }, {
    id: model.id({ prefix: "mcst" }).primaryKey(),
    channel: model.enum(ConsentChannel),
    status: model.enum(ConsentStatus),
    source: model.text(),
    ip: model.text().nullable(),
    user_agent: model.text().nullable(),
    contact: model.belongsTo(() => Contact, { mappedBy: "consents" }),
  })
  .indexes([{ on: ["contact_id", "channel", "created_at"] }])

export default ConsentRecord
