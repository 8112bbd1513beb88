import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enrollAndWake } from "./enroll-and-wake"

export const enrollConfirmedSubscriberWorkflowId = "enroll-confirmed-subscriber-in-marketing-journeys"

/** A newsletter sign-up confirmed (double opt-in): enrols the contact in the live journeys it starts. */
export const enrollConfirmedSubscriberWorkflow = createWorkflow(
  enrollConfirmedSubscriberWorkflowId,
  (input: { contact_id: string }) => {
    const decisions = enrollAndWake(
      transform({ input }, ({ input }) => ({ trigger: "newsletter.confirmed" as const, contact_ids: [input.contact_id] }))
    )
    return new WorkflowResponse(decisions)
  }
)
