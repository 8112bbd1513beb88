import { model } from "@medusajs/framework/utils"
import Journey from "./journey"

/**
 * One version of a journey's definition (see lib/journey-schema). A published version never
 * changes: editing a live journey publishes a new one, and running enrollments finish on the
 * version they started on. The one unpublished version, if any, is the draft being edited.
 */
const JourneyVersion = model
  .define({ name: "JourneyVersion", tableName: "marketing_journey_version" }, {
    id: model.id({ prefix: "mjver" }).primaryKey(),
    number: model.number(),
    trigger: model.json(),
    graph: model.json(),
    entry: model.json(),
    goal: model.json().nullable(),
    exit: model.json(),
    published_at: model.dateTime().nullable(),
    published_by: model.text().nullable(),
    journey: model.belongsTo(() => Journey, { mappedBy: "versions" }),
  })
  .indexes([
    { on: ["journey_id", "number"], unique: true },
    { on: ["journey_id"], unique: true, where: "published_at IS NULL" },
  ])

export default JourneyVersion
