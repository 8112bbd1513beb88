import { model } from "@medusajs/framework/utils"
import JourneyEnrollment from "./journey-enrollment"

/** One step an enrollment took: the step history, written in the same transaction as the move. */
const JourneyStepRun = model
  .define({ name: "JourneyStepRun", tableName: "marketing_journey_step_run" }, {
    id: model.id({ prefix: "mjrun" }).primaryKey(),
    step_id: model.text(),
    /** The way it left the step ("next", "yes", a split key, "timeout"), or how it ended. */
    outcome: model.text(),
    /** What it did, e.g. the queued message's id or the issued code; small. */
    detail: model.json().nullable(),
    /** See lib/step-run-key: a step's second run after a crash or a double claim is refused. */
    idempotency_key: model.text(),
    at: model.dateTime(),
    enrollment: model.belongsTo(() => JourneyEnrollment, { mappedBy: "step_runs" }),
  })
  .indexes([{ on: ["idempotency_key"], unique: true }])

export default JourneyStepRun
