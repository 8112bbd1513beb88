import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import AudienceModuleService from "../../../modules/audience/service"
import { ConsentChannel } from "../../../types/audience/module"
import { MarketingModule } from "../../../types/modules"

/** Whether an address is on the suppression list for a channel. */
export const isSuppressedStep = createStep(
  "is-marketing-address-suppressed",
  async ({ channel, address }: { channel: ConsentChannel; address: string }, { container }) => {
    const audience: AudienceModuleService = container.resolve(MarketingModule.AUDIENCE)
    return new StepResponse(await audience.isSuppressed(channel, address))
  }
)
