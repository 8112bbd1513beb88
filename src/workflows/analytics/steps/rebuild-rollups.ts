import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AnalyticsModuleService from "../../../modules/analytics/service"
import { MarketingModule } from "../../../types/modules"

export const rebuildAnalyticsRollupsStepId = "rebuild-marketing-analytics-rollups"

/**
 * Makes the daily rollup again from all the raw data. No compensation: it replaces the rollup in one
 * transaction, and running it again gives the same rollup.
 */
export const rebuildAnalyticsRollupsStep = createStep(
  rebuildAnalyticsRollupsStepId,
  async ({ now }: { now?: Date }, { container }) => {
    const analytics: AnalyticsModuleService = container.resolve(MarketingModule.ANALYTICS)
    // Workflow input arrives serialised: `now` may be a date string.
    return new StepResponse(await analytics.rebuildRollups(new Date(now ?? Date.now())))
  }
)
