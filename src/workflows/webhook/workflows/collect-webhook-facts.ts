import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { collectWebhookFactsStep } from "../steps/collect-webhook-facts"

export const collectWebhookFactsWorkflowId = "collect-marketing-webhook-facts"

/** Queues a delivery of each fact recorded since the last round to the endpoints subscribed to it. */
export const collectWebhookFactsWorkflow = createWorkflow(collectWebhookFactsWorkflowId, (input: { limit: number }) => {
  return new WorkflowResponse(collectWebhookFactsStep(input))
})
