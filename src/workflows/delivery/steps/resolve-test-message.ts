import { randomUUID } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parsePhoneNumberFromString } from "libphonenumber-js"
import { EMAIL_ADDRESS } from "../../../modules/audience/lib/contact-rows"
import AudienceModuleService from "../../../modules/audience/service"
import { CampaignDTO } from "../../../types/campaign/module"
import { MarketingModule } from "../../../types/modules"
import { TestMessage } from "./queue-claimed-test-messages"

/** The address as the channel's provider wants it; a 400 naming `to` when it is not one. */
function normaliseAddress(channel: CampaignDTO["channel"], to: string): string {
  const trimmed = to.trim()
  if (channel === "email") {
    if (!EMAIL_ADDRESS.test(trimmed)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `to: '${to}' is not an email address`)
    return trimmed.toLowerCase()
  }
  if (channel === "sms") {
    const phone = parsePhoneNumberFromString(trimmed)
    if (!phone?.isValid()) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `to: '${to}' is not a phone number in international format (e.g. +4915112345678)`)
    }
    return phone.number
  }
  return trimmed
}

export const resolveTestMessageStepId = "resolve-marketing-test-message"

/**
 * A campaign's test send: one message to any address, rendered for the contact with that address
 * when there is one. It skips consent, suppression and caps (the sender asked for it), and never
 * counts in the campaign's numbers.
 */
export const resolveTestMessageStep = createStep(
  resolveTestMessageStepId,
  async ({ campaign, to }: { campaign: CampaignDTO; to: string }, { container }) => {
    const address = normaliseAddress(campaign.channel, to)
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const field = campaign.channel === "sms" ? "phone" : campaign.channel === "email" ? "email" : "customer_id"
    const [contact] = await audience.listContacts({ [field]: address }, { select: ["id"], take: 1 })
    const message: TestMessage = {
      campaign_id: campaign.id,
      contact_id: contact?.id ?? null,
      channel: campaign.channel,
      to: address,
      idempotency_key: `test:${campaign.id}:${randomUUID()}`,
    }
    return new StepResponse(message)
  }
)
