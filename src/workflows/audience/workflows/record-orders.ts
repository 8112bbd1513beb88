import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
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
  when({ customerIds }, ({ customerIds }) => customerIds.length > 0).then(() => {
    syncContactsFromCustomersStep(customerIds)
  })
  return new WorkflowResponse(recordOrderPurchasesStep(orders))
})
