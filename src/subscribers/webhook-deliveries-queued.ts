import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { runWebhooks } from "../lib/webhook-runner"
import { WebhookEvents } from "../types/webhook"

/** Sends a delivery queued by hand (a resend) at once, instead of at the next tick. */
export default async function webhookDeliveriesQueued({ container }: SubscriberArgs<Record<string, never>>) {
  // Not awaited: the event bus should not wait for a round of webhooks.
  runWebhooks(container).catch((error) =>
    container.resolve(ContainerRegistrationKeys.LOGGER).error(`Marketing webhooks failed: ${error.message}`)
  )
}

export const config: SubscriberConfig = {
  event: WebhookEvents.DELIVERIES_QUEUED,
  context: { subscriberId: "marketing-webhook-deliveries-queued" },
}
