import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ClaimedMessage } from "../../../modules/messaging/lib/queue"
import MessagingModuleService from "../../../modules/messaging/service"
import { MessageChannel, MessageStatus } from "../../../types/messaging"
import { MarketingModule } from "../../../types/modules"

/** One test send: content from its campaign, or (none) from the journey step its key names. */
export type TestMessage = { campaign_id: string | null; contact_id: string | null; channel: MessageChannel; to: string; idempotency_key: string }

/** How long a test send holds its messages: a sender that dies gives them to the delivery workers after this. */
export const TEST_SEND_LEASE_MS = 60_000

export const queueClaimedTestMessagesStepId = "queue-claimed-marketing-test-messages"

/**
 * Queues test messages already claimed by `worker`, as a claim would leave them: no delivery worker
 * can claim one before the test send does, so the test send sends them itself and answers how each
 * went. Marked as tests, they never count in analytics or frequency caps. Undone by removing them.
 */
export const queueClaimedTestMessagesStep = createStep(
  queueClaimedTestMessagesStepId,
  async ({ worker, messages }: { worker: string; messages: TestMessage[] }, { container }) => {
    const messaging: MessagingModuleService = container.resolve(MarketingModule.MESSAGING)
    const now = new Date()
    const created: { id: string }[] = await messaging.createMessages(
      messages.map((message) => ({
        ...message,
        occurrence: "test",
        is_test: true,
        not_before: now,
        status: MessageStatus.SENDING,
        claimed_by: worker,
        claimed_until: new Date(now.getTime() + TEST_SEND_LEASE_MS),
        attempts: 1,
      }))
    )
    const claimed: ClaimedMessage[] = created.map(({ id }, i) => ({ id, ...messages[i], attempts: 1, is_test: true }))
    return new StepResponse(claimed, claimed.map((m) => m.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await (container.resolve(MarketingModule.MESSAGING) as MessagingModuleService).deleteMessages(ids)
  }
)
