import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimWebhookDeliveriesStep, ClaimWebhookDeliveriesInput } from "../steps/claim-webhook-deliveries"
import { sendWebhookDeliveriesStep } from "../steps/send-webhook-deliveries"

export const deliverWebhooksWorkflowId = "deliver-marketing-webhooks"

/** One round of the webhook sender: claim due deliveries, POST them, record the answers. */
export const deliverWebhooksWorkflow = createWorkflow(deliverWebhooksWorkflowId, (input: ClaimWebhookDeliveriesInput) => {
  const claimed = claimWebhookDeliveriesStep(input)
  const tally = sendWebhookDeliveriesStep(claimed)
  return new WorkflowResponse(transform({ claimed, tally }, ({ claimed, tally }) => ({ claimed: claimed.length, ...tally })))
})
