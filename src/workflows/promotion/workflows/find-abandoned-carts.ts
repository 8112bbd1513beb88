import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findAbandonedCartsStep } from "../steps/find-abandoned-carts"

export const findAbandonedCartsWorkflowId = "find-marketing-abandoned-carts"

/** The carts the abandonment job releases, a page at a time. */
export const findAbandonedCartsWorkflow = createWorkflow(
  findAbandonedCartsWorkflowId,
  (input: { limit: number; now?: Date }) => new WorkflowResponse(findAbandonedCartsStep(input))
)
