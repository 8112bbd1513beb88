import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import MessagingModuleService from "../../../modules/messaging/service"
import { MessageChannel } from "../../../types/messaging"
import { MarketingModule } from "../../../types/modules"

/** One message of a test run: the send step's content goes to the tested contact's address. */
export type JourneyTestSend = { idempotency_key: string; contact_id: string; channel: MessageChannel; to: string }

export const queueJourneyTestMessagesStepId = "queue-marketing-journey-test-messages"

/**
 * Queues a test run's messages as test sends, like a campaign's: marked so that they never count in
 * analytics or frequency caps, keyed per run and step so that one run never sends a step twice.
 * Undone by removing them.
 */
export const queueJourneyTestMessagesStep = createStep(
  queueJourneyTestMessagesStepId,
  async (sends: JourneyTestSend[], { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const now = new Date()
    const messages = await messaging.createMessages(
      sends.map((send) => ({ ...send, campaign_id: null, occurrence: "test", is_test: true, not_before: now }))
    )
    const ids = messages.map((m: { id: string }) => m.id)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await (container.resolve(MarketingModule.MESSAGING) as MessagingModuleService).deleteMessages(ids)
  }
)
