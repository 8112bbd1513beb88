import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import MessagingModuleService from "../../../modules/messaging/service"
import { MarketingModule } from "../../../types/modules"

export type EngagementRecord = Parameters<MessagingModuleService["recordEngagement"]>[0]

export const recordEngagementStepId = "record-marketing-engagement"

/** Records an open, click or unsubscribe; undone by removing the event. */
export const recordEngagementStep = createStep(
  recordEngagementStepId,
  async (event: EngagementRecord, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const id = await messaging.recordEngagement(event)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    await messaging.deleteMessageEvents(id)
  }
)
