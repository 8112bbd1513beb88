import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ConsentStatus } from "../../../types/audience/module"
import { verifyConfirmTokenStep } from "../steps/consent-links"
import { recordConsentsStep } from "../steps/record-consents"

export const confirmSubscriptionWorkflowId = "confirm-marketing-subscription"

/** Email double opt-in, second half: a genuine link makes the consent subscribed. */
export const confirmSubscriptionWorkflow = createWorkflow(
  confirmSubscriptionWorkflowId,
  (input: { token: string; ip?: string | null; user_agent?: string | null }) => {
    const claim = verifyConfirmTokenStep(input.token)
    const applied = recordConsentsStep(
      transform({ claim, input }, ({ claim, input }) => [
        {
          contact_id: claim.contact_id,
          channel: claim.channel,
          status: ConsentStatus.SUBSCRIBED,
          source: "double_opt_in",
          ip: input.ip,
          user_agent: input.user_agent,
        },
      ])
    )
    return new WorkflowResponse(transform({ applied }, ({ applied }) => applied[0]))
  }
)
