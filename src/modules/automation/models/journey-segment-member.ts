import { model } from "@medusajs/framework/utils"

/**
 * A contact in a segment-triggered journey's segment, as the journey last saw it: entering and
 * leaving are the differences between this and the segment evaluated now.
 */
const JourneySegmentMember = model
  .define({ name: "JourneySegmentMember", tableName: "marketing_journey_segment_member" }, {
    id: model.id({ prefix: "mjsgm" }).primaryKey(),
    journey_id: model.text(),
    contact_id: model.text(),
  })
  .indexes([{ on: ["journey_id", "contact_id"], unique: true }])

export default JourneySegmentMember
