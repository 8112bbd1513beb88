import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { snapshotAnalyticsAudienceStep } from "../steps/snapshot-audience"

export const snapshotAnalyticsAudienceWorkflowId = "snapshot-marketing-analytics-audience"

/** Records the day's segment sizes and contacts per channel and consent state. */
export const snapshotAnalyticsAudienceWorkflow = createWorkflow(
  snapshotAnalyticsAudienceWorkflowId,
  (input: { now?: Date }) => new WorkflowResponse(snapshotAnalyticsAudienceStep(input))
)
