import { model } from "@medusajs/framework/utils"

/** A store's HTTPS receiver of the marketing events it subscribed to, signed with its own secret. */
const WebhookEndpoint = model.define({ name: "WebhookEndpoint", tableName: "marketing_webhook_endpoint" }, {
  id: model.id({ prefix: "mwhe" }).primaryKey(),
  url: model.text(),
  /** WebhookEventType values. */
  events: model.array(),
  /** Keys the HMAC of every body sent; shown once, when it is made. */
  secret: model.text(),
  enabled: model.boolean().default(true),
  description: model.text().nullable(),
})

export default WebhookEndpoint
