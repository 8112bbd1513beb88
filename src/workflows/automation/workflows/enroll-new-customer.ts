import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { enrollAndWake } from "./enroll-and-wake"
import { awaitCustomerContactStep } from "../steps/await-customer-contact"

export const enrollNewCustomerWorkflowId = "enroll-new-customer-in-marketing-journeys"

/**
 * A new customer: once the audience has made its contact (its own subscriber of the same event),
 * enrols it in the live journeys that `customer.created` starts.
 */
export const enrollNewCustomerWorkflow = createWorkflow(enrollNewCustomerWorkflowId, (input: { customer_id: string }) => {
  const contactId = awaitCustomerContactStep(input)
  const decisions = enrollAndWake(
    transform({ contactId }, ({ contactId }) => ({ trigger: "customer.created" as const, contact_ids: contactId ? [contactId] : [] }))
  )
  return new WorkflowResponse(decisions)
})
