import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimMessagesStep, ClaimMessagesInput } from "../steps/claim-messages"
import { completeSentCampaignsStep } from "../steps/complete-sent-campaigns"
import { sendClaimedMessagesStep } from "../steps/send-claimed-messages"

export const deliverMessagesWorkflowId = "deliver-marketing-messages"

/** One round of a delivery worker: claim a batch of due messages, send it, close finished campaigns. */
export const deliverMessagesWorkflow = createWorkflow(deliverMessagesWorkflowId, (input: ClaimMessagesInput) => {
  const claimed = claimMessagesStep(input)
  const tally = sendClaimedMessagesStep({ worker: input.worker, messages: claimed })
  completeSentCampaignsStep()
  return new WorkflowResponse(
    transform({ claimed, tally }, ({ claimed, tally }) => ({
      claimed: claimed.length,
      sent: tally.sent,
      retried: tally.retried,
      failed: tally.failed,
    }))
  )
})
