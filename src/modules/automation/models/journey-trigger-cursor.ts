import { model } from "@medusajs/framework/utils"

/**
 * How far a live journey's trigger has looked, so that a job finds each occurrence once: the
 * segment whose membership it holds (segment triggers), the point up to which occurrences are
 * enrolled (date triggers), or the last message event read (message event triggers).
 */
const JourneyTriggerCursor = model
  .define({ name: "JourneyTriggerCursor", tableName: "marketing_journey_trigger_cursor" }, {
    id: model.id({ prefix: "mjcur" }).primaryKey(),
    journey_id: model.text(),
    /** Segment triggers: the segment whose members `marketing_journey_segment_member` holds for this journey. */
    segment_id: model.text().nullable(),
    /** Date triggers: occurrences before it are enrolled; message events: events recorded up to it are read. */
    position_at: model.dateTime().nullable(),
    /** Message events: the id of the last event read at `position_at` (events are read in (created_at, id) order). */
    position_id: model.text().nullable(),
  })
  .indexes([{ on: ["journey_id"], unique: true }])

export default JourneyTriggerCursor
