import { MedusaContainer } from "@medusajs/framework/types"
import { refreshAnalyticsRollupsWorkflow } from "../workflows/analytics/workflows/refresh-rollups"

/** Keeps the dashboards within a minute (plus the settle time) of the raw data; cron runs at most once a minute. */
export default async function refreshAnalyticsRollupsJob(container: MedusaContainer) {
  await refreshAnalyticsRollupsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-refresh-analytics-rollups",
  schedule: "* * * * *",
}
