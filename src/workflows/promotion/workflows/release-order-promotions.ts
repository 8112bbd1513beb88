import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseOrderPromotionsStep } from "../steps/release-order-promotions"
import { stampOrderCancellationStep } from "../steps/stamp-order-cancellation"

export const releaseOrderPromotionsWorkflowId = "release-marketing-order-promotions"

/** On order.canceled: its attribution is stamped cancelled; limits, budgets and single-use codes count the order no more. */
export const releaseOrderPromotionsWorkflow = createWorkflow(
  releaseOrderPromotionsWorkflowId,
  (input: { order_id: string }) => {
    stampOrderCancellationStep(input.order_id)
    return new WorkflowResponse(releaseOrderPromotionsStep(input.order_id))
  }
)
