import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { enrollAndWake } from "./enroll-and-wake"
import { recordAwaitedEventAndWake } from "./record-awaited-event-and-wake"
import { convertEnrollmentsOnOrderStep } from "../steps/convert-enrollments-on-order"
import { exitCompletedCartEnrollmentsStep } from "../steps/exit-completed-cart-enrollments"
import { resolvePlacedOrderStep } from "../steps/resolve-trigger-contacts"

export const recordOrderForJourneysWorkflowId = "record-order-for-marketing-journeys"

/**
 * A placed order in journeys: it converts the contact's running enrollments whose goal is an order
 * (with its revenue) first, then enrols the contact in the journeys it triggers.
 */
export const recordOrderForJourneysWorkflow = createWorkflow(recordOrderForJourneysWorkflowId, (input: { order_id: string }) => {
  const order = resolvePlacedOrderStep(input)
  const converted = convertEnrollmentsOnOrderStep({ order })
  recordAuditEntriesStep({
    changes: transform({ order, converted }, ({ order, converted }) =>
      converted.map((id) => ({
        action: "convert",
        resource_type: "marketing_journey_enrollment",
        resource_id: id,
        before: null,
        after: { order_id: order!.id, revenue: order!.revenue, currency_code: order!.currency_code },
      }))
    ),
  }).config({ name: "record-journey-conversions-audit" })
  const cartExited = exitCompletedCartEnrollmentsStep({ order })
  recordAuditEntriesStep({
    changes: transform({ order, cartExited }, ({ order, cartExited }) =>
      cartExited.map((id) => ({
        action: "exit",
        resource_type: "marketing_journey_enrollment",
        resource_id: id,
        before: null,
        after: { reason: "cart_completed", order_id: order!.id },
      }))
    ),
  }).config({ name: "record-journey-cart-exits-audit" })
  recordAwaitedEventAndWake(transform({ order }, ({ order }) => ({ contact_ids: order ? [order.contact_id] : [], type: "order_placed" as const })))
  const decisions = enrollAndWake(
    transform({ order }, ({ order }) => ({ trigger: "order.placed" as const, contact_ids: order ? [order.contact_id] : [] }))
  )
  return new WorkflowResponse(
    transform({ converted, cartExited, decisions }, ({ converted, cartExited, decisions }) => ({ converted, cart_exited: cartExited, enrolled: decisions }))
  )
})
