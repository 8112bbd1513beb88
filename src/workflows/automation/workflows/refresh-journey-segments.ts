import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enrollAndWake } from "./enroll-and-wake"
import { refreshJourneySegmentsStep } from "../steps/refresh-journey-segments"

export const refreshJourneySegmentsWorkflowId = "refresh-marketing-journey-segments"

/**
 * Segment-triggered journeys: who entered or left their segments since they last looked (`contact_ids`
 * after those contacts changed, everyone with null) enrols in the journeys that start on it.
 */
export const refreshJourneySegmentsWorkflow = createWorkflow(refreshJourneySegmentsWorkflowId, (input: { contact_ids: string[] | null }) => {
  const refreshed = refreshJourneySegmentsStep(input)
  const decisions = enrollAndWake(
    transform({ refreshed }, ({ refreshed }) => ({
      trigger: ["segment.entered" as const, "segment.left" as const],
      contact_ids: [...new Set(Object.values(refreshed.contacts_by_journey).flat())],
      journey_ids: Object.keys(refreshed.contacts_by_journey),
      contacts_by_journey: refreshed.contacts_by_journey,
    }))
  )
  return new WorkflowResponse(decisions)
})
