import { MedusaContainer } from "@medusajs/framework/types"
import { refreshJourneySegmentsWorkflow } from "../workflows/automation/workflows/refresh-journey-segments"

/** Conditions such as days_since_last_order change with the clock, not with an event. */
export default async function refreshJourneySegmentsJob(container: MedusaContainer) {
  await refreshJourneySegmentsWorkflow(container).run({ input: { contact_ids: null } })
}

export const config = {
  name: "marketing-refresh-journey-segments",
  schedule: "*/15 * * * *",
}
