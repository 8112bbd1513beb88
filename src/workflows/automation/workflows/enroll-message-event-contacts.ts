import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enrollAndWake } from "./enroll-and-wake"
import { findMessageEventContactsStep } from "../steps/find-message-event-contacts"
import { moveTriggerCursorsStep } from "../steps/move-trigger-cursors"

export const enrollMessageEventContactsWorkflowId = "enroll-message-event-contacts-in-marketing-journeys"

/**
 * Opens, clicks and bounces recorded since each message-event journey last looked: their contacts
 * enrol, then the journey's cursor moves past those events (both, or neither).
 */
export const enrollMessageEventContactsWorkflow = createWorkflow(enrollMessageEventContactsWorkflowId, () => {
  const found = findMessageEventContactsStep()
  const decisions = enrollAndWake(
    transform({ found }, ({ found }) => ({
      trigger: "message.event" as const,
      contact_ids: [...new Set(Object.values(found.contacts_by_journey).flat())],
      journey_ids: Object.keys(found.contacts_by_journey),
      contacts_by_journey: found.contacts_by_journey,
    }))
  )
  moveTriggerCursorsStep(transform({ found }, ({ found }) => found.moves))
  return new WorkflowResponse(decisions)
})
