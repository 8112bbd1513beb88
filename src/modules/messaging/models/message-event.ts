import { model } from "@medusajs/framework/utils"
import { EngagementFlag, MessageEventType } from "../../../types/messaging"
import Message from "./message"

/** Something that happened to a sent message: opened, clicked, delivered, bounced... */
const MessageEvent = model
  .define({ name: "MessageEvent", tableName: "marketing_message_event" }, {
    id: model.id({ prefix: "mevt" }).primaryKey(),
    type: model.enum(MessageEventType),
    /** Set for machine opens and clicks: recorded, but left out of unique counts. */
    flag: model.enum(EngagementFlag).nullable(),
    link_position: model.number().nullable(),
    url: model.text().nullable(),
    user_agent: model.text().nullable(),
    ip: model.text().nullable(),
    reason: model.text().nullable(),
    /** A provider's refusal that another try cannot change (a hard bounce); null where the provider did not say. */
    permanent: model.boolean().nullable(),
    /** The provider's id of a webhook event, so that a redelivered webhook is recorded once. */
    provider_event_id: model.text().nullable(),
    occurred_at: model.dateTime(),
    message: model.belongsTo(() => Message, { mappedBy: "events" }),
  })
  // Events are read by message (its foreign key's index); each further index is one more write per open and click.
  .indexes([
    { on: ["provider_event_id"], unique: true, where: "provider_event_id IS NOT NULL" },
    // The analytics refresh reads the events recorded past its cursor (created_at, id).
    { on: ["created_at", "id"] },
  ])

export default MessageEvent
