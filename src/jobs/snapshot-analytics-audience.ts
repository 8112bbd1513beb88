import { MedusaContainer } from "@medusajs/framework/types"
import { snapshotAnalyticsAudienceWorkflow } from "../workflows/analytics/workflows/snapshot-audience"

/** Once a day, for the store's day (`default_timezone`) it runs in; a later run the same day replaces the counts. */
export default async function snapshotAnalyticsAudienceJob(container: MedusaContainer) {
  await snapshotAnalyticsAudienceWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-snapshot-analytics-audience",
  schedule: "50 23 * * *",
}
