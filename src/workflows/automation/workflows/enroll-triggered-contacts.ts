import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EventProperties } from "../../../modules/automation/lib/enrollments"
import { AuditActor } from "../../../types/audit"
import { EnrollmentDecision } from "../steps/enroll-contacts"
import { resolveTriggerContactsStep } from "../steps/resolve-trigger-contacts"
import { enrollAndWake } from "./enroll-and-wake"
import { recordAwaitedEventAndWake } from "./record-awaited-event-and-wake"

export const enrollTriggeredContactsWorkflowId = "enroll-triggered-marketing-journey-contacts"

/** One posting of a custom event: whom it names (a customer or an email), its properties, and who posted it. */
export type TriggeredContact = {
  customer_id?: string | null
  email?: string | null
  properties?: EventProperties
  actor?: AuditActor
}

export type TriggeredContactsInput = {
  /** The custom event's name: only journeys triggered by that name enrol. */
  event_name: string
  /** Its postings, several when they arrived together (see lib/automation/enter-custom-event). */
  events: TriggeredContact[]
}

/** What one posting did: its contact (null when none is named), and the enrollments it made or why not. */
export type TriggeredContactEntry = { contact_id: string | null; decisions: EnrollmentDecision[] }

/**
 * Postings of a custom event (by the host's backend or its storefront) naming customers or emails:
 * enrols their contacts in the live journeys it starts, together, and wakes the worker once. A contact
 * named twice enrols once, and its later postings are told "already running"; unlike postings that
 * come one after another, the event is recorded once for it, before it enrols (a wait for the event
 * is not woken by its repeat in the same batch).
 */
export const enrollTriggeredContactsWorkflow = createWorkflow(enrollTriggeredContactsWorkflowId, (input: TriggeredContactsInput) => {
  const contactIds = resolveTriggerContactsStep(transform({ input }, ({ input }) => input.events.map(({ customer_id, email }) => ({ customer_id, email }))))
  // Before enrolling: an enrollment the event starts does not count it as the event it may wait for.
  recordAwaitedEventAndWake(
    transform({ input, contactIds }, ({ input, contactIds }) => ({
      contact_ids: contactIds.filter((id): id is string => !!id),
      type: "custom_event" as const,
      name: input.event_name,
    }))
  )
  const named = transform({ input, contactIds }, ({ input, contactIds }) => {
    const actorByContact: Record<string, AuditActor> = {}
    // A contact's first posting is the one that enrols it (the others are told "already running"): its properties are kept.
    const propertiesByContact: Record<string, EventProperties | null> = {}
    contactIds.forEach((id, i) => {
      if (!id) return
      const { actor, properties } = input.events[i]
      if (actor && !actorByContact[id]) actorByContact[id] = actor
      if (!(id in propertiesByContact)) propertiesByContact[id] = properties ?? null
    })
    return { contact_ids: Object.keys(propertiesByContact), actorByContact, propertiesByContact }
  })
  const decisions = enrollAndWake(
    transform({ input, named }, ({ input, named }) => ({
      trigger: "custom.event" as const,
      event_name: input.event_name,
      contact_ids: named.contact_ids,
      event_properties_by_contact: named.propertiesByContact,
    })),
    undefined,
    transform({ named }, ({ named }) => named.actorByContact)
  )
  return new WorkflowResponse(
    transform({ contactIds, decisions }, ({ contactIds, decisions }): TriggeredContactEntry[] => {
      const byContact = new Map<string, EnrollmentDecision[]>()
      for (const d of decisions) {
        const own = byContact.get(d.contact_id)
        if (own) own.push(d)
        else byContact.set(d.contact_id, [d])
      }
      const answered = new Set<string>()
      return contactIds.map((contactId) => {
        if (!contactId) return { contact_id: null, decisions: [] }
        const own = byContact.get(contactId) ?? []
        const first = !answered.has(contactId)
        answered.add(contactId)
        return {
          contact_id: contactId,
          decisions: first ? own : own.map((d) => (d.enrollment_id ? { ...d, enrollment_id: null, reason: "already_running" } : d)),
        }
      })
    })
  )
})
