import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ProviderEvent } from "../../../modules/messaging/lib/webhooks/events"
import MessagingModuleService from "../../../modules/messaging/service"
import { MarketingModule } from "../../../types/modules"

export const recordProviderEventsStepId = "record-marketing-provider-events"

/**
 * Records webhook events against their messages. Idempotent by the provider's event id, so a
 * redelivered webhook changes nothing; there is nothing to undo that a retry would not redo.
 */
export const recordProviderEventsStep = createStep(
  recordProviderEventsStepId,
  async (events: ProviderEvent[], { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    return new StepResponse(await messaging.recordProviderEvents(events))
  }
)
