import { model } from "@medusajs/framework/utils"
import { AudienceCountKind } from "../../../types/analytics"

/**
 * The audience's history: per store day, each segment's size and the number of contacts in each
 * consent state of a channel (key `email:subscribed`, `sms:none`...). The day's last count stands.
 */
const AudienceCount = model
  .define({ name: "AudienceCount", tableName: "marketing_analytics_audience_count" }, {
    id: model.id({ prefix: "maac" }).primaryKey(),
    day: model.text(),
    kind: model.enum(AudienceCountKind),
    key: model.text(),
    count: model.number(),
  })
  .indexes([{ on: ["kind", "key", "day"], unique: true }])

export default AudienceCount
