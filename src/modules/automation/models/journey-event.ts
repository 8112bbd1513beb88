import { model } from "@medusajs/framework/utils"

/**
 * An event a journey step may wait for (an order placed, a custom event posted by the host),
 * kept only for contacts with a running enrollment when it arrived: the worker reads whether it
 * came since a wait began. Message opens and clicks are read from the messages themselves.
 */
const JourneyEvent = model
  .define({ name: "JourneyEvent", tableName: "marketing_journey_event" }, {
    id: model.id({ prefix: "mjevt" }).primaryKey(),
    contact_id: model.text(),
    type: model.enum(["order_placed", "custom_event"]),
    /** A custom event's name; null for an order. */
    name: model.text().nullable(),
    occurred_at: model.dateTime(),
  })
  .indexes([{ on: ["contact_id", "occurred_at"] }])

export default JourneyEvent
