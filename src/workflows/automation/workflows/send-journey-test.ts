import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { sendTestMessages } from "../../delivery/workflows/send-test-messages"
import { TestMessage } from "../../delivery/steps/queue-claimed-test-messages"

export const sendJourneyTestWorkflowId = "send-marketing-journey-test"

export type SendJourneyTestInput = {
  journey_id: string
  version_id: string
  run_id: string
  contact_id: string
  /** The path's messages: no campaign, their content is the send step's their key names. */
  sends: TestMessage[]
  actor?: AuditActor
}

/**
 * Sends the messages of one test run now, through the real providers, as a campaign's test send
 * does (sendTestMessages). Answers the ids of the messages, to read how each went.
 */
export const sendJourneyTestWorkflow = createWorkflow(sendJourneyTestWorkflowId, (input: SendJourneyTestInput) => {
  const ids = sendTestMessages(transform({ input }, ({ input }) => input.sends))
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
