import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { drainMessageQueue } from "../lib/delivery-runner"
import { DeliveryEvents } from "../types/messaging"

/** Starts delivering as soon as messages are queued, instead of at the next minute's job. */
export default async function messagesQueued({ container }: SubscriberArgs<{ campaign_id?: string }>) {
  // Not awaited: a drain can take most of a minute, and the event bus should not wait for it.
  drainMessageQueue(container).catch((error) =>
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Marketing delivery failed: ${error.message}`)
  )
}

export const config: SubscriberConfig = {
  event: DeliveryEvents.MESSAGES_QUEUED,
  context: { subscriberId: "marketing-messages-queued" },
}
