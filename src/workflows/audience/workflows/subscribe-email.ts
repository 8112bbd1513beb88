import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ConsentChannel, ConsentStatus, ContactSource } from "../../../types/audience/module"
import { buildConfirmLinkStep } from "../steps/consent-links"
import { findOrCreateContactByEmailStep } from "../steps/find-or-create-contact"
import { isSuppressedStep } from "../steps/is-suppressed"
import { recordConsentsStep } from "../steps/record-consents"

export const subscribeEmailWorkflowId = "subscribe-marketing-email"

/** The notification template a store's email provider renders for the double opt-in. */
export const DOUBLE_OPT_IN_TEMPLATE = "marketing-double-opt-in"

export type SubscribeEmailInput = {
  email: string
  first_name?: string | null
  last_name?: string | null
  source: string
  ip?: string | null
  user_agent?: string | null
}

/**
 * Email double opt-in, first half: the contact's email consent becomes pending and a signed
 * confirmation link naming this request goes out. Nothing happens for an address already subscribed or suppressed.
 */
export const subscribeEmailWorkflow = createWorkflow(subscribeEmailWorkflowId, (input: SubscribeEmailInput) => {
  const contact = findOrCreateContactByEmailStep(
    transform({ input }, ({ input }) => ({
      email: input.email,
      first_name: input.first_name,
      last_name: input.last_name,
      source: ContactSource.SUBSCRIBE,
    }))
  )
  const suppressed = isSuppressedStep(transform({ input }, ({ input }) => ({ channel: ConsentChannel.EMAIL, address: input.email })))
  const needsConfirmation = transform({ contact, suppressed }, ({ contact, suppressed }) =>
    !suppressed && contact.email_consent !== ConsentStatus.SUBSCRIBED
  )
  when({ needsConfirmation }, ({ needsConfirmation }) => needsConfirmation).then(() => {
    const request = recordConsentsStep(
      transform({ contact, input }, ({ contact, input }) => [
        {
          contact_id: contact.id,
          channel: ConsentChannel.EMAIL,
          status: ConsentStatus.PENDING,
          source: input.source,
          ip: input.ip,
          user_agent: input.user_agent,
        },
      ])
    )
    const confirmUrl = buildConfirmLinkStep(
      transform({ contact, request }, ({ contact, request }) => ({
        contact_id: contact.id,
        channel: ConsentChannel.EMAIL,
        request_id: request[0].record_id,
      }))
    )
    sendNotificationsStep(
      transform({ contact, confirmUrl }, ({ contact, confirmUrl }) => [
        {
          to: contact.email!,
          channel: "email",
          template: DOUBLE_OPT_IN_TEMPLATE,
          data: { confirm_url: confirmUrl, first_name: contact.first_name },
          trigger_type: "marketing.subscription_requested",
          resource_id: contact.id,
          resource_type: "marketing_contact",
        },
      ])
    )
  })
  return new WorkflowResponse(needsConfirmation)
})
