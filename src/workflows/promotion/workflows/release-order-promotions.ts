import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseOrderPromotionsStep } from "../steps/release-order-promotions"

export const releaseOrderPromotionsWorkflowId = "release-marketing-order-promotions"

/** On order.canceled: limits, budgets and single-use codes count the order no more. */
export const releaseOrderPromotionsWorkflow = createWorkflow(
  releaseOrderPromotionsWorkflowId,
  (input: { order_id: string }) => new WorkflowResponse(releaseOrderPromotionsStep(input.order_id))
)
