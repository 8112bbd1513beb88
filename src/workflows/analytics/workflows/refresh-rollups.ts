import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { refreshAnalyticsRollupsStep } from "../steps/refresh-rollups"

export const refreshAnalyticsRollupsWorkflowId = "refresh-marketing-analytics-rollups"

/** Brings the daily rollup up to `now` (default: the present) less the settle time. */
export const refreshAnalyticsRollupsWorkflow = createWorkflow(
  refreshAnalyticsRollupsWorkflowId,
  (input: { now?: Date }) => new WorkflowResponse(refreshAnalyticsRollupsStep(input))
)
