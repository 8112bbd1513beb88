import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { convertEnrollmentsOnOrderStep } from "../steps/convert-enrollments-on-order"
import { enrollContactsStep } from "../steps/enroll-contacts"
import { resolvePlacedOrderStep } from "../steps/resolve-trigger-contacts"
import { wakeJourneyWorkerStep } from "../steps/wake-journey-worker"

export const recordOrderForJourneysWorkflowId = "record-order-for-marketing-journeys"

/**
 * A placed order in journeys: it converts the contact's running enrollments whose goal is an order
 * (with its revenue) first, then enrols the contact in the journeys it triggers.
 */
export const recordOrderForJourneysWorkflow = createWorkflow(recordOrderForJourneysWorkflowId, (input: { order_id: string }) => {
  const order = resolvePlacedOrderStep(input)
  const converted = convertEnrollmentsOnOrderStep({ order })
  const decisions = when({ order }, ({ order }) => !!order).then(() =>
    enrollContactsStep(transform({ order }, ({ order }) => ({ trigger: "order.placed" as const, contact_ids: [order!.contact_id] })))
  )
  recordAuditEntriesStep({
    changes: transform({ order, converted, decisions }, ({ order, converted, decisions }) => [
      ...converted.map((id) => ({
        action: "convert",
        resource_type: "marketing_journey_enrollment",
        resource_id: id,
        before: null,
        after: { order_id: order!.id, revenue: order!.revenue, currency_code: order!.currency_code },
      })),
      ...(decisions ?? [])
        .filter((d) => d.enrollment_id)
        .map((d) => ({ action: "enroll", resource_type: "marketing_journey", resource_id: d.journey_id, before: null, after: { enrollment_id: d.enrollment_id, contact_id: d.contact_id } })),
    ]),
  })
  wakeJourneyWorkerStep(transform({ decisions }, ({ decisions }) => ({ due: (decisions ?? []).some((d) => d.enrollment_id) })))
  return new WorkflowResponse(transform({ converted, decisions }, ({ converted, decisions }) => ({ converted, enrolled: decisions ?? [] })))
})
