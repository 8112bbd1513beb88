import { transform, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { deliveryWorkerId } from "../../../lib/delivery-runner"
import { queueClaimedTestMessagesStep, TestMessage } from "../steps/queue-claimed-test-messages"
import { sendClaimedMessagesStep } from "../steps/send-claimed-messages"

/**
 * Composition helper for a campaign's test send and a journey's Test: queues the test messages
 * claimed by this process and sends them now, through the real providers, with the same rendering
 * and tracking as any message. Returns the ids of the messages, to read how each went.
 */
export function sendTestMessages(messages: WorkflowData<TestMessage[]>) {
  const worker = transform({}, () => deliveryWorkerId())
  const claimed = queueClaimedTestMessagesStep({ worker, messages })
  sendClaimedMessagesStep({ worker, messages: claimed })
  return transform({ claimed }, ({ claimed }) => claimed.map((m) => m.id))
}
