import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimDueEnrollmentsStep, ClaimDueEnrollmentsInput } from "../steps/claim-due-enrollments"
import { runClaimedEnrollmentsStep } from "../steps/run-claimed-enrollments"

export const runDueEnrollmentsWorkflowId = "run-due-marketing-journey-enrollments"

/** One round of the journey worker: claim a batch of due enrollments and run each until it waits or ends. */
export const runDueEnrollmentsWorkflow = createWorkflow(runDueEnrollmentsWorkflowId, (input: ClaimDueEnrollmentsInput) => {
  const claimed = claimDueEnrollmentsStep(input)
  const tally = runClaimedEnrollmentsStep({ enrollments: claimed })
  return new WorkflowResponse(transform({ claimed, tally }, ({ claimed, tally }) => ({ claimed: claimed.length, ...tally })))
})
