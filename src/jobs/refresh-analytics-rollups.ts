import { MedusaContainer } from "@medusajs/framework/types"
import { refreshAnalyticsRollupsWorkflow } from "../workflows/analytics/workflows/refresh-rollups"

/**
 * How often the rollups are brought up to date. With the settle time (`analytics.settle_seconds`, 10 s by
 * default) and a refresh's own second or so, an event reaches the dashboards within 35 s; a minute's cron
 * left some 70 s behind.
 */
export const ROLLUP_REFRESH_INTERVAL_MS = 20_000

export default async function refreshAnalyticsRollupsJob(container: MedusaContainer) {
  await refreshAnalyticsRollupsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "marketing-refresh-analytics-rollups",
  schedule: { interval: ROLLUP_REFRESH_INTERVAL_MS },
}
