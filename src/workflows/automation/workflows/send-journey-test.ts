import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliveryWorkerId } from "../../../lib/delivery-runner"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { claimMessagesStep } from "../../delivery/steps/claim-messages"
import { sendClaimedMessagesStep } from "../../delivery/steps/send-claimed-messages"
import { JourneyTestSend, queueJourneyTestMessagesStep } from "../steps/queue-journey-test-messages"

export const sendJourneyTestWorkflowId = "send-marketing-journey-test"

export type SendJourneyTestInput = {
  journey_id: string
  version_id: string
  run_id: string
  contact_id: string
  sends: JourneyTestSend[]
  actor?: AuditActor
}

/**
 * Sends the messages of one test run now, through the real providers, as a campaign's test send
 * does: queued as test messages, claimed by this run alone and sent with the same rendering and
 * tracking. Answers the ids of the messages, to read how each went.
 */
export const sendJourneyTestWorkflow = createWorkflow(sendJourneyTestWorkflowId, (input: SendJourneyTestInput) => {
  const ids = queueJourneyTestMessagesStep(input.sends)
  const worker = transform({}, () => deliveryWorkerId())
  const claimed = claimMessagesStep(transform({ ids, worker }, ({ ids, worker }) => ({ worker, limit: ids.length, lease_ms: 60_000, ids })))
  sendClaimedMessagesStep({ worker, messages: claimed })
  recordAuditEntriesStep({
    actor: input.actor,
    changes: transform({ input, ids }, ({ input, ids }) => [
      {
        action: "test_send",
        resource_type: "marketing_journey",
        resource_id: input.journey_id,
        before: null,
        after: { run_id: input.run_id, version_id: input.version_id, contact_id: input.contact_id, message_ids: ids },
      },
    ]),
  })
  return new WorkflowResponse(ids)
})
