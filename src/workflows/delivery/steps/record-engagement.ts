import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EngagementRecord } from "../../../modules/messaging/lib/tracking"
import MessagingModuleService from "../../../modules/messaging/service"
import { MarketingModule } from "../../../types/modules"

export const recordEngagementStepId = "record-marketing-engagement"

/** Records an engagement event; undone by removing it. */
export const recordEngagementStep = createStep(
  recordEngagementStepId,
  async (event: EngagementRecord, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const { id } = await messaging.recordEngagement(event)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    await messaging.deleteMessageEvents(id)
  }
)
