import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { pruneJourneyEventsStep } from "../steps/prune-journey-events"

export const pruneJourneyEventsWorkflowId = "prune-marketing-journey-events"

export const pruneJourneyEventsWorkflow = createWorkflow(pruneJourneyEventsWorkflowId, (input: { now?: Date }) => {
  return new WorkflowResponse(pruneJourneyEventsStep(input))
})
