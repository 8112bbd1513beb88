import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AnalyticsModuleService from "../../../modules/analytics/service"
import { MarketingModule } from "../../../types/modules"

export const snapshotAnalyticsAudienceStepId = "snapshot-marketing-analytics-audience"

/**
 * Takes today's segment sizes and consent counts. No compensation: a later snapshot the same day
 * replaces this one's counts.
 */
export const snapshotAnalyticsAudienceStep = createStep(
  snapshotAnalyticsAudienceStepId,
  async ({ now }: { now?: Date }, { container }) => {
    const analytics: AnalyticsModuleService = container.resolve(MarketingModule.ANALYTICS)
    // Workflow input arrives serialised: `now` may be a date string.
    await analytics.snapshotAudience(new Date(now ?? Date.now()))
    return new StepResponse(undefined)
  }
)
