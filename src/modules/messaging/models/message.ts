import { model } from "@medusajs/framework/utils"
import { MessageChannel, MessageStatus } from "../../../types/messaging"
import MessageEvent from "./message-event"

/** One message to one recipient on one channel: the unit that is queued, sent, tracked and counted. */
const Message = model
  .define({ name: "Message", tableName: "marketing_message" }, {
    id: model.id({ prefix: "mmsg" }).primaryKey(),
    campaign_id: model.text().nullable(),
    contact_id: model.text().nullable(),
    channel: model.enum(MessageChannel),
    /** The email address, E.164 number or push reference it goes to, fixed when it was queued. */
    to: model.text(),
    /** Which send of its campaign: "once", or a recurring campaign's run time (ISO 8601). */
    occurrence: model.text().nullable(),
    /** campaign × contact × channel × occurrence (or a test send's own): a second enqueue is a no-op. */
    idempotency_key: model.text(),
    /** The fan-out run that queued it: a failed run takes back only its own messages, never a concurrent run's. */
    queued_by: model.text().nullable(),
    is_test: model.boolean().default(false),
    status: model.enum(MessageStatus).default(MessageStatus.QUEUED),
    attempts: model.number().default(0),
    /** Not sent before this time: quiet hours and retry backoff. */
    not_before: model.dateTime(),
    claimed_by: model.text().nullable(),
    claimed_until: model.dateTime().nullable(),
    provider: model.text().nullable(),
    provider_message_id: model.text().nullable(),
    error: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    /** First human open and click: machine ones (scanners, privacy proxies) are not counted. */
    opened_at: model.dateTime().nullable(),
    clicked_at: model.dateTime().nullable(),
    unsubscribed_at: model.dateTime().nullable(),
    /** The set of tracked links the sent email carries (see TrackedLink). */
    link_set: model.text().nullable(),
    events: model.hasMany(() => MessageEvent, { mappedBy: "message" }),
  })
  .cascades({ delete: ["events"] })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    // The queue: what is due, in order. Partial, so it stays small as messages are sent.
    { on: ["not_before"], where: "status = 'queued' AND deleted_at IS NULL" },
    { on: ["claimed_until"], where: "status = 'sending' AND deleted_at IS NULL" },
    { on: ["campaign_id", "occurrence", "status"] },
    // Frequency caps look back over a contact's recent messages on a channel.
    { on: ["contact_id", "channel", "created_at"] },
    { on: ["provider_message_id"], where: "provider_message_id IS NOT NULL" },
    // The analytics refresh reads sent messages past its cursor (sent_at, id).
    { on: ["sent_at", "id"], where: "sent_at IS NOT NULL" },
  ])

export default Message
