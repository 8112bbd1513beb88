import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { enrollContactsStep, JourneyTriggerKind } from "../steps/enroll-contacts"
import { resolveTriggerContactStep } from "../steps/resolve-trigger-contacts"
import { wakeJourneyWorkerStep } from "../steps/wake-journey-worker"

export const enrollTriggeredContactWorkflowId = "enroll-triggered-marketing-journey-contact"

export type TriggeredContactInput = {
  trigger: JourneyTriggerKind
  /** A custom event's name. */
  event_name?: string
  customer_id?: string | null
  email?: string | null
  properties?: Record<string, unknown>
  actor?: AuditActor
}

/**
 * A trigger naming a customer or an email (a new customer, a custom event posted by the host's
 * backend or storefront): enrols its contact in the live journeys it starts, and wakes the worker.
 */
export const enrollTriggeredContactWorkflow = createWorkflow(enrollTriggeredContactWorkflowId, (input: TriggeredContactInput) => {
  const contactId = resolveTriggerContactStep(input)
  const decisions = enrollContactsStep(
    transform({ input, contactId }, ({ input, contactId }) => ({
      trigger: input.trigger,
      event_name: input.event_name,
      contact_ids: contactId ? [contactId] : [],
    }))
  )
  recordAuditEntriesStep({
    actor: input.actor,
    changes: transform({ decisions }, ({ decisions }) =>
      decisions
        .filter((d) => d.enrollment_id)
        .map((d) => ({ action: "enroll", resource_type: "marketing_journey", resource_id: d.journey_id, before: null, after: { enrollment_id: d.enrollment_id, contact_id: d.contact_id } }))
    ),
  })
  wakeJourneyWorkerStep(transform({ decisions }, ({ decisions }) => ({ due: decisions.some((d) => d.enrollment_id) })))
  return new WorkflowResponse(transform({ contactId, decisions }, ({ contactId, decisions }) => ({ contact_id: contactId, decisions })))
})
