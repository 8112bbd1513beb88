import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { claimMessagesStep, ClaimMessagesInput } from "../steps/claim-messages"
import { findFinishedCampaignsStep } from "../steps/find-finished-campaigns"
import { sendClaimedMessagesStep } from "../steps/send-claimed-messages"

export const deliverMessagesWorkflowId = "deliver-marketing-messages"

/**
 * One round of a delivery worker: claim a batch of due messages, send it, and name the campaigns it
 * finished, which the worker completes with completeSentCampaignWorkflow.
 */
export const deliverMessagesWorkflow = createWorkflow(deliverMessagesWorkflowId, (input: ClaimMessagesInput) => {
  const claimed = claimMessagesStep(input)
  const tally = sendClaimedMessagesStep({ worker: input.worker, messages: claimed })
  const finished = findFinishedCampaignsStep()
  return new WorkflowResponse(
    transform({ claimed, tally, finished }, ({ claimed, tally, finished }) => ({
      claimed: claimed.length,
      sent: tally.sent,
      retried: tally.retried,
      failed: tally.failed,
      finished_campaign_ids: finished,
    }))
  )
})
