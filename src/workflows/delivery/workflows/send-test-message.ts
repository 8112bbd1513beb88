import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deliveryWorkerId } from "../../../lib/delivery-runner"
import { AuditActor } from "../../../types/audit"
import { CampaignDTO } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { retrieveCampaignBeforeChange } from "../../campaign/retrieve-campaigns-before-change"
import { claimMessagesStep } from "../steps/claim-messages"
import { createTestMessageStep } from "../steps/create-test-message"
import { sendClaimedMessagesStep } from "../steps/send-claimed-messages"

export const sendTestMessageWorkflowId = "send-marketing-test-message"

/** Sends a campaign's content to one address now, through the real provider, and says how it went. */
export const sendTestMessageWorkflow = createWorkflow(
  sendTestMessageWorkflowId,
  (input: { campaign_id: string; to: string; actor?: AuditActor }) => {
    const campaign = retrieveCampaignBeforeChange(input.campaign_id) as unknown as CampaignDTO
    const message = createTestMessageStep({ campaign, to: input.to })
    const worker = transform({}, () => deliveryWorkerId())
    const claimed = claimMessagesStep(
      transform({ message, worker }, ({ message, worker }) => ({ worker, limit: 1, lease_ms: 60_000, ids: [message.id] }))
    )
    sendClaimedMessagesStep({ worker, messages: claimed })
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, message }, ({ input, message }) => [
        {
          action: "test_send",
          resource_type: "marketing_campaign",
          resource_id: input.campaign_id,
          before: null,
          after: { to: input.to, message_id: message.id },
        },
      ]),
    })
    return new WorkflowResponse(message)
  }
)
