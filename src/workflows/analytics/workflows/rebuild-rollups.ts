import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rebuildAnalyticsRollupsStep } from "../steps/rebuild-rollups"

export const rebuildAnalyticsRollupsWorkflowId = "rebuild-marketing-analytics-rollups"

/** Makes the daily rollup again from all raw data up to `now` (default: the present) less the settle time. */
export const rebuildAnalyticsRollupsWorkflow = createWorkflow(
  rebuildAnalyticsRollupsWorkflowId,
  (input: { now?: Date }) => new WorkflowResponse(rebuildAnalyticsRollupsStep(input))
)
