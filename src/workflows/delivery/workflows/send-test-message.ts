import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AuditActor } from "../../../types/audit"
import { CampaignDTO } from "../../../types/campaign/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { retrieveCampaignBeforeChange } from "../../campaign/workflows/retrieve-campaigns-before-change"
import { sendTestMessages } from "./send-test-messages"
import { resolveTestMessageStep } from "../steps/resolve-test-message"

export const sendTestMessageWorkflowId = "send-marketing-test-message"

/** Sends a campaign's content to one address now, through the real provider, and says how it went. */
export const sendTestMessageWorkflow = createWorkflow(
  sendTestMessageWorkflowId,
  (input: { campaign_id: string; to: string; actor?: AuditActor }) => {
    const campaign = retrieveCampaignBeforeChange(input.campaign_id) as unknown as CampaignDTO
    const message = resolveTestMessageStep({ campaign, to: input.to })
    const sent = transform({ ids: sendTestMessages(transform({ message }, ({ message }) => [message])) }, ({ ids }) => ({ id: ids[0] }))
    recordAuditEntriesStep({
      actor: input.actor,
      changes: transform({ input, sent }, ({ input, sent }) => [
        {
          action: "test_send",
          resource_type: "marketing_campaign",
          resource_id: input.campaign_id,
          before: null,
          after: { to: input.to, message_id: sent.id },
        },
      ]),
    })
    return new WorkflowResponse(sent)
  }
)
