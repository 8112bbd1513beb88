import { model } from "@medusajs/framework/utils"

/**
 * How far each raw source has been rolled up: its rows up to (at, row id), in the order of the
 * source's timestamp. Moved in the same transaction as the counters it added.
 */
const RollupCursor = model
  .define({ name: "RollupCursor", tableName: "marketing_analytics_rollup_cursor" }, {
    id: model.id({ prefix: "marc" }).primaryKey(),
    source: model.text(),
    position_at: model.dateTime(),
    position_id: model.text(),
  })
  .indexes([{ on: ["source"], unique: true }])

export default RollupCursor
