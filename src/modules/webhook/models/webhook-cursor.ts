import { model } from "@medusajs/framework/utils"

/**
 * How far the collector has read one source of facts (see lib/fact-sources.ts), in the source's
 * (position, id) order: the facts' own tables are the outbox, and this is its read pointer.
 */
const WebhookCursor = model
  .define({ name: "WebhookCursor", tableName: "marketing_webhook_cursor" }, {
    id: model.id({ prefix: "mwhc" }).primaryKey(),
    source: model.text(),
    position_at: model.dateTime(),
    /** The id of the last fact read at `position_at`; '' once every fact before it is read. */
    position_id: model.text(),
  })
  .indexes([{ on: ["source"], unique: true }])

export default WebhookCursor
