import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { enrollAndWake } from "./enroll-and-wake"
import { recordAwaitedEventAndWake } from "./record-awaited-event-and-wake"
import { resolveTriggerContactStep } from "../steps/resolve-trigger-contacts"

export const enrollTriggeredContactWorkflowId = "enroll-triggered-marketing-journey-contact"

export type TriggeredContactInput = {
  /** A custom event's name: only journeys triggered by that name enrol. */
  event_name: string
  customer_id?: string | null
  email?: string | null
  properties?: Record<string, unknown>
  actor?: AuditActor
}

/**
 * A custom event (posted by the host's backend or its storefront) naming a customer or an email:
 * enrols its contact in the live journeys it starts, and wakes the worker.
 */
export const enrollTriggeredContactWorkflow = createWorkflow(enrollTriggeredContactWorkflowId, (input: TriggeredContactInput) => {
  const contactId = resolveTriggerContactStep(input)
  // Before enrolling: an enrollment the event starts does not count it as the event it may wait for.
  recordAwaitedEventAndWake(
    transform({ input, contactId }, ({ input, contactId }) => ({ contact_id: contactId, type: "custom_event" as const, name: input.event_name }))
  )
  const decisions = enrollAndWake(
    transform({ input, contactId }, ({ input, contactId }) => ({
      trigger: "custom.event" as const,
      event_name: input.event_name,
      contact_ids: contactId ? [contactId] : [],
    })),
    input.actor
  )
  return new WorkflowResponse(transform({ contactId, decisions }, ({ contactId, decisions }) => ({ contact_id: contactId, decisions })))
})
