import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AnalyticsModuleService from "../../../modules/analytics/service"
import { MarketingModule } from "../../../types/modules"

export const refreshAnalyticsRollupsStepId = "refresh-marketing-analytics-rollups"

/**
 * Adds the raw rows recorded since the last refresh to the daily rollup; returns how many rollup rows
 * each source changed. No compensation: the rollup and its cursors move together in one transaction,
 * and a later refresh picks up whatever this one did not commit.
 */
export const refreshAnalyticsRollupsStep = createStep(
  refreshAnalyticsRollupsStepId,
  async ({ now }: { now?: Date }, { container }) => {
    const analytics: AnalyticsModuleService = container.resolve(MarketingModule.ANALYTICS)
    // Workflow input arrives serialised: `now` may be a date string.
    return new StepResponse(await analytics.refreshRollups(new Date(now ?? Date.now())))
  }
)
