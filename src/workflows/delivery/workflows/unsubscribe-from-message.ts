import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { EngagementRequest } from "../../../lib/engagement"
import { ConsentChannel, ConsentStatus } from "../../../types/audience/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { consentAuditChanges } from "../../../lib/audience/consent-audit"
import { recordConsentsStep } from "../../audience/steps/record-consents"
import { findEngagementTargetStep } from "../steps/find-engagement-target"
import { recordEngagementStep } from "../steps/record-engagement"

export const unsubscribeFromMessageWorkflowId = "unsubscribe-from-marketing-message"

/**
 * An unsubscribe from a message's link or a mail client's one-click: recorded on the message,
 * and the contact's consent for the message's channel withdrawn, with the history and audit
 * entry every consent change gets.
 */
export const unsubscribeFromMessageWorkflow = createWorkflow(
  unsubscribeFromMessageWorkflowId,
  (input: EngagementRequest) => {
    const target = findEngagementTargetStep({ token: input.token })
    recordEngagementStep(
      transform({ input, target }, ({ input, target }) => ({
        message_id: target.id,
        type: "unsubscribe" as const,
        flag: null,
        link_position: null,
        url: null,
        user_agent: input.user_agent,
        ip: input.ip,
        occurred_at: new Date(),
      }))
    )
    const withdrawal = transform({ input, target }, ({ input, target }) =>
      target.contact_id && target.channel !== "push"
        ? [
            {
              contact_id: target.contact_id,
              channel: target.channel as ConsentChannel,
              status: ConsentStatus.UNSUBSCRIBED,
              source: "unsubscribe_link",
              ip: input.ip,
              user_agent: input.user_agent,
            },
          ]
        : []
    )
    when({ withdrawal }, ({ withdrawal }) => withdrawal.length > 0).then(() => {
      const applied = recordConsentsStep(withdrawal)
      recordAuditEntriesStep({ changes: transform({ applied }, ({ applied }) => consentAuditChanges(applied)) })
    })
    return new WorkflowResponse(target)
  }
)
