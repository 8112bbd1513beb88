import { model } from "@medusajs/framework/utils"
import Segment from "./segment"

/** A contact in a static segment's snapshot. */
const SegmentMember = model
  .define({ name: "SegmentMember", tableName: "marketing_segment_member" }, {
    id: model.id({ prefix: "msgm" }).primaryKey(),
    contact_id: model.text(),
    segment: model.belongsTo(() => Segment, { mappedBy: "members" }),
  })
  .indexes([{ on: ["segment_id", "contact_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["contact_id"] }])

export default SegmentMember
