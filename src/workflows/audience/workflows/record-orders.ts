import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents } from "../../../types/audience"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { recordOrderPurchasesStep } from "../steps/record-order-purchases"
import { retrieveOrdersForAudienceStep } from "../steps/retrieve-orders"
import { syncContactsFromCustomersStep } from "../steps/sync-contacts-from-customers"

export const recordOrdersWorkflowId = "record-marketing-orders"

/**
 * Brings orders into the audience: their customers' contacts, their purchase facts, and the
 * contacts' aggregates. Run on order placed, cancelled and return received, and by the backfill.
 */
export const recordOrdersWorkflow = createWorkflow(recordOrdersWorkflowId, (input: { order_ids: string[] }) => {
  const orders = retrieveOrdersForAudienceStep(input.order_ids)
  const customerIds = transform({ orders }, ({ orders }) => [
    ...new Set(orders.map((o) => o.customer_id).filter((id): id is string => Boolean(id))),
  ])
  const synced = when({ customerIds }, ({ customerIds }) => customerIds.length > 0).then(() =>
    syncContactsFromCustomersStep(customerIds)
  )
  const recorded = recordOrderPurchasesStep(orders)
  recordAuditEntriesStep({
    changes: transform({ synced, recorded }, ({ synced, recorded }) => [
      ...(synced ?? []).map(({ before, after }) => ({
        action: before ? "update" : "create",
        resource_type: "marketing_contact",
        resource_id: after.id,
        before,
        after,
      })),
      ...recorded.contacts.map(({ before, after }) => ({
        action: "orders.recorded",
        resource_type: "marketing_contact",
        resource_id: after.id,
        before,
        after,
      })),
    ]),
  })
  emitEventStep({
    eventName: AudienceEvents.CONTACTS_CHANGED,
    data: transform({ synced, recorded }, ({ synced, recorded }) => ({
      ids: [...new Set([...(synced ?? []), ...recorded.contacts].map(({ after }) => after.id))],
    })),
  })
  return new WorkflowResponse(recorded)
})
