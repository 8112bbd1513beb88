import { model } from "@medusajs/framework/utils"
import { ConsentChannel } from "../../../types/audience/module"

export const SuppressionReason = {
  MANUAL: "manual",
  BOUNCE: "bounce",
  COMPLAINT: "complaint",
  UNSUBSCRIBE: "unsubscribe",
} as const

/** An address never to be messaged on a channel, whatever its consent says. */
const Suppression = model
  .define({ name: "Suppression", tableName: "marketing_suppression" }, {
    id: model.id({ prefix: "msup" }).primaryKey(),
    channel: model.enum(ConsentChannel),
    /** Lower-cased email or E.164 phone. */
    address: model.text().searchable(),
    reason: model.enum(SuppressionReason),
    note: model.text().nullable(),
  })
  .indexes([{ on: ["channel", "address"], unique: true, where: "deleted_at IS NULL" }])

export default Suppression
