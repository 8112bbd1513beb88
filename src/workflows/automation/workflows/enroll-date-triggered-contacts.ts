import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enrollAndWake } from "./enroll-and-wake"
import { findDateTriggeredContactsStep } from "../steps/find-date-triggered-contacts"
import { moveTriggerCursorsStep } from "../steps/move-trigger-cursors"

export const enrollDateTriggeredContactsWorkflowId = "enroll-date-triggered-contacts-in-marketing-journeys"

/**
 * Date journeys: the contacts whose date falls before the next run enrol, each due at its own moment
 * (the time of day in its timezone), then each journey's cursor moves on (both, or neither).
 * `now` stands in for the clock in tests.
 */
export const enrollDateTriggeredContactsWorkflow = createWorkflow(enrollDateTriggeredContactsWorkflowId, (input: { now?: string }) => {
  const found = findDateTriggeredContactsStep(input)
  const decisions = enrollAndWake(
    transform({ found }, ({ found }) => ({
      trigger: "date" as const,
      contact_ids: [...new Set(Object.values(found.contacts_by_journey).flat())],
      journey_ids: Object.keys(found.contacts_by_journey),
      contacts_by_journey: found.contacts_by_journey,
      due_at_by_journey: found.due_at_by_journey,
    }))
  )
  moveTriggerCursorsStep(transform({ found }, ({ found }) => found.moves))
  return new WorkflowResponse(decisions)
})
