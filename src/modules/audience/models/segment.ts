import { model } from "@medusajs/framework/utils"
import { SegmentKind } from "../../../types/audience/module"
import SegmentMember from "./segment-member"

const Segment = model
  .define({ name: "Segment", tableName: "marketing_segment" }, {
    id: model.id({ prefix: "mseg" }).primaryKey(),
    name: model.text().searchable(),
    handle: model.text(),
    description: model.text().searchable().nullable(),
    dsl: model.text(),
    kind: model.enum(SegmentKind).default(SegmentKind.LIVE),
    /** Last count, and when it was taken: a snapshot's size for static segments. */
    member_count: model.number().nullable(),
    counted_at: model.dateTime().nullable(),
    /** A native customer group kept equal to the segment, for native promotions and other plugins. */
    customer_group_id: model.text().nullable(),
    members: model.hasMany(() => SegmentMember, { mappedBy: "segment" }),
  })
  .cascades({ delete: ["members"] })
  .indexes([{ on: ["handle"], unique: true, where: "deleted_at IS NULL" }])

export default Segment
