import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncContactsFromCustomersWorkflow } from "../../audience/workflows/sync-contacts-from-customers"
import { enrollAndWake } from "./enroll-and-wake"
import { findAbandonedCartsStep } from "../steps/find-abandoned-carts"
import { recordJourneyCartsStep } from "../steps/record-journey-carts"
import { resolveCartContactsStep } from "../steps/resolve-cart-contacts"

export const enrollAbandonedCartsWorkflowId = "enroll-abandoned-carts-in-marketing-journeys"

/**
 * Carts left with an email and items, no order and no change for a journey's idle minutes: their
 * contacts (made from the cart's customer when there is none yet, as order recording makes them)
 * enrol in that journey, and the journey records each cart so that it enrols at most once.
 */
export const enrollAbandonedCartsWorkflow = createWorkflow(enrollAbandonedCartsWorkflowId, () => {
  const idle = findAbandonedCartsStep()
  const found = resolveCartContactsStep(idle)
  when({ found }, ({ found }) => found.customers_without_contact.length > 0).then(() => {
    syncContactsFromCustomersWorkflow.runAsStep({ input: { customer_ids: found.customers_without_contact } })
  })
  const contacts = resolveCartContactsStep(idle).config({ name: "resolve-marketing-journey-cart-contacts-made" })
  const decisions = enrollAndWake(
    transform({ idle, contacts }, ({ idle, contacts }) => {
      const byJourney: Record<string, string[]> = {}
      for (const cart of idle) {
        const contactId = contacts.contact_by_cart[cart.cart_id]
        if (contactId) (byJourney[cart.journey_id] ??= []).push(contactId)
      }
      return {
        trigger: "cart.abandoned" as const,
        contact_ids: [...new Set(Object.values(byJourney).flat())],
        journey_ids: Object.keys(byJourney),
        contacts_by_journey: byJourney,
      }
    })
  )
  const recorded = recordJourneyCartsStep(
    transform({ idle, contacts, decisions }, ({ idle, contacts, decisions }) => {
      const enrollmentOf = new Map(decisions.filter((d) => d.enrollment_id).map((d) => [`${d.journey_id}:${d.contact_id}`, d.enrollment_id]))
      return idle.map((cart) => {
        const key = `${cart.journey_id}:${contacts.contact_by_cart[cart.cart_id]}`
        const enrollmentId = enrollmentOf.get(key) ?? null
        // Two carts of one contact: the enrollment is the first one's.
        enrollmentOf.delete(key)
        return { journey_id: cart.journey_id, cart_id: cart.cart_id, enrollment_id: enrollmentId }
      })
    })
  )
  return new WorkflowResponse(transform({ recorded, decisions }, ({ recorded, decisions }) => ({ carts: recorded, decisions })))
})
