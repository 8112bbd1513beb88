import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { ConsentStatus } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"
import { ConfirmClaim } from "./consent-links"

/**
 * Subscribes the contact if the confirmed request is still open (see AudienceModuleService.confirmPendingConsent);
 * a link already used, or overtaken by an unsubscribe or a suppression, is 404 and changes nothing.
 */
export const confirmPendingConsentStep = createStep(
  "confirm-pending-marketing-consent",
  async (input: ConfirmClaim & { ip: string | null; user_agent: string | null }, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    const recordId = await audience.confirmPendingConsent(input)
    if (!recordId) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This confirmation link was already used or is no longer valid")
    }
    return new StepResponse(
      { contact_id: input.contact_id, channel: input.channel, status: ConsentStatus.SUBSCRIBED, previous: ConsentStatus.PENDING },
      { record_id: recordId, contact_id: input.contact_id, channel: input.channel }
    )
  },
  async (confirmed, { container }) => {
    if (!confirmed) return
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    await audience.deleteConsentRecords([confirmed.record_id])
    await audience.updateContacts({ id: confirmed.contact_id, [`${confirmed.channel}_consent`]: ConsentStatus.PENDING })
  }
)
