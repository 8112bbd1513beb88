import { model } from "@medusajs/framework/utils"
import { WebhookDeliveryStatus } from "../../../types/webhook"

/** One event for one endpoint: queued with the fact, sent, retried with backoff, kept as the delivery log. */
const WebhookDelivery = model
  .define({ name: "WebhookDelivery", tableName: "marketing_webhook_delivery" }, {
    id: model.id({ prefix: "mwhd" }).primaryKey(),
    endpoint_id: model.text(),
    /** The id of the fact's own record (message event, enrollment, redemption). */
    event_id: model.text(),
    event_type: model.text(),
    /** The JSON body, as signed and sent: `{ id, type, occurred_at, data }`. */
    payload: model.json(),
    status: model.enum(WebhookDeliveryStatus).default(WebhookDeliveryStatus.PENDING),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    leased_until: model.dateTime().nullable(),
    last_response_status: model.number().nullable(),
    last_error: model.text().nullable(),
    delivered_at: model.dateTime().nullable(),
  })
  .indexes([
    // The idempotency key: an event reaches an endpoint once, however often its fact is recorded.
    { on: ["endpoint_id", "event_type", "event_id"], unique: true },
    // The queue: what is due, and claims that expired. Partial, so it stays small as deliveries finish.
    { on: ["next_attempt_at"], where: "status = 'pending' AND deleted_at IS NULL" },
    { on: ["leased_until"], where: "status = 'sending' AND deleted_at IS NULL" },
    // The delivery log of an endpoint, newest first.
    { on: ["endpoint_id", "created_at"] },
  ])

export default WebhookDelivery
