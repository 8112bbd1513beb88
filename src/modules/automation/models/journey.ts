import { model } from "@medusajs/framework/utils"
import { JourneyStatus } from "../../../types/automation"
import JourneyVersion from "./journey-version"

/** An automation: a trigger and a graph of steps that contacts walk through one by one. */
const Journey = model
  .define({ name: "Journey", tableName: "marketing_journey" }, {
    id: model.id({ prefix: "mjrn" }).primaryKey(),
    name: model.text().searchable(),
    description: model.text().searchable().nullable(),
    status: model.enum(JourneyStatus).default(JourneyStatus.DRAFT),
    /** The version new enrollments start on; null until the journey is first published. */
    live_version_id: model.text().nullable(),
    /** The trigger kind of its newest version, e.g. "order.placed": lists filter on it without reading graphs. */
    trigger_kind: model.text().nullable(),
    created_by: model.text().nullable(),
    versions: model.hasMany(() => JourneyVersion, { mappedBy: "journey" }),
  })
  .cascades({ delete: ["versions"] })
  .indexes([{ on: ["status"] }, { on: ["trigger_kind", "status"] }])

export default Journey
