import { MedusaContainer } from "@medusajs/framework/types"
import { pruneJourneyEventsWorkflow } from "../workflows/automation/workflows/prune-journey-events"

export default async function pruneJourneyEvents(container: MedusaContainer) {
  await pruneJourneyEventsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-prune-journey-events",
  schedule: "43 3 * * *",
}
