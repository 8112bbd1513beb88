import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { classifyClick, classifyOpen } from "../../../modules/messaging/lib/classify-engagement"
import { ConsentChannel, ConsentStatus } from "../../../types/audience/module"
import { recordAuditEntriesStep } from "../../audit/steps/record-audit-entries"
import { consentAuditChanges } from "../../audience/consent-audit"
import { recordConsentsStep } from "../../audience/steps/record-consents"
import { findEngagementTargetStep } from "../steps/find-engagement-target"
import { recordEngagementStep } from "../steps/record-engagement"

export const trackEngagementWorkflowId = "track-marketing-engagement"

export type TrackEngagementInput = {
  token: string
  type: "open" | "click" | "unsubscribe"
  /** The link's position, for a click. */
  position?: number | null
  user_agent: string | null
  ip: string | null
}

/**
 * Records what a recipient did with a message, flagging machine opens and clicks. An
 * unsubscribe also withdraws the contact's consent for the message's channel, with the history
 * and audit entry every consent change gets.
 */
export const trackEngagementWorkflow = createWorkflow(trackEngagementWorkflowId, (input: TrackEngagementInput) => {
  const target = findEngagementTargetStep(
    transform({ input }, ({ input }) => ({ token: input.token, position: input.type === "click" ? input.position ?? null : null }))
  )
  const event = transform({ input, target }, ({ input, target }) => {
    const at = new Date()
    const sentAt = new Date(target.sent_at)
    const flag =
      input.type === "open"
        ? classifyOpen({ userAgent: input.user_agent, ip: input.ip, sentAt, at })
        : input.type === "click"
          ? classifyClick({ userAgent: input.user_agent, sentAt, at, recentClickTimes: target.recent_clicks.map((t) => new Date(t)) })
          : null
    return {
      message_id: target.id,
      type: input.type,
      flag,
      link_position: input.type === "click" ? input.position ?? null : null,
      url: input.type === "click" ? target.url : null,
      user_agent: input.user_agent,
      ip: input.ip,
      occurred_at: at,
    }
  })
  recordEngagementStep(event)
  const withdrawal = transform({ input, target }, ({ input, target }) =>
    input.type === "unsubscribe" && target.contact_id && target.channel !== "push"
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
    recordAuditEntriesStep({
      changes: transform({ applied }, ({ applied }) => consentAuditChanges(applied)),
    })
  })
  return new WorkflowResponse(event)
})
