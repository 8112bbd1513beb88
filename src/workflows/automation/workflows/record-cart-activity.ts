import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordCartActivityStep } from "../steps/record-cart-activity"

export const recordCartActivityWorkflowId = "record-marketing-journey-cart-activity"

/** A storefront cart changed: the abandoned-cart trigger counts its idle minutes from now. */
export const recordCartActivityWorkflow = createWorkflow(recordCartActivityWorkflowId, (input: { cart_ids: string[] }) => {
  return new WorkflowResponse(recordCartActivityStep(input.cart_ids))
})
