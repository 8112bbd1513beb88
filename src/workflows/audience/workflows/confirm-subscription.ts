import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AudienceEvents } from "../../../types/audience"
import { confirmPendingConsentStep } from "../steps/confirm-pending-consent"
import { verifyConfirmTokenStep } from "../steps/consent-links"

export const confirmSubscriptionWorkflowId = "confirm-marketing-subscription"

/** Email double opt-in, second half: a genuine link to a request still open makes the consent subscribed, once. */
export const confirmSubscriptionWorkflow = createWorkflow(
  confirmSubscriptionWorkflowId,
  (input: { token: string; ip?: string | null; user_agent?: string | null }) => {
    const claim = verifyConfirmTokenStep(input.token)
    const confirmed = confirmPendingConsentStep(
      transform({ claim, input }, ({ claim, input }) => ({ ...claim, ip: input.ip ?? null, user_agent: input.user_agent ?? null }))
    )
    emitEventStep({
      eventName: AudienceEvents.SUBSCRIPTION_CONFIRMED,
      data: transform({ confirmed }, ({ confirmed }) => ({ contact_id: confirmed.contact_id, channel: confirmed.channel })),
    })
    return new WorkflowResponse(confirmed)
  }
)
