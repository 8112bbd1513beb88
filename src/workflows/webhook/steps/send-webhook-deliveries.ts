import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { postSignedWebhook } from "../../../lib/post-signed-webhook"
import { Attempt, attemptOutcome } from "../../../modules/webhook/lib/delivery-outcome"
import WebhookModuleService, { ClaimedDelivery, DeliveryOutcome } from "../../../modules/webhook/service"
import { MarketingModule } from "../../../types/modules"

export type WebhookTally = { delivered: number; retried: number; failed: number }

/** The event's type, for receivers that route before they parse. */
const WEBHOOK_EVENT_HEADER = "x-marketing-event"

async function attempt(delivery: ClaimedDelivery): Promise<Attempt> {
  try {
    return await postSignedWebhook({
      url: delivery.url,
      secret: delivery.secret,
      delivery_id: delivery.id,
      payload: delivery.payload,
      headers: { [WEBHOOK_EVENT_HEADER]: delivery.event_type },
    })
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message
    return { error: (cause ?? (error as Error).message).slice(0, 1000) }
  }
}

/**
 * POSTs the claimed deliveries side by side and records what each endpoint answered. Sending
 * cannot be undone, so there is no compensation; a receiver drops a repeat by its delivery id.
 */
export const sendWebhookDeliveriesStep = createStep(
  "send-marketing-webhook-deliveries",
  async (deliveries: ClaimedDelivery[], { container }) => {
    const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
    const policy = webhooks.getOptions()
    const outcomes: DeliveryOutcome[] = await Promise.all(
      deliveries.map(async (delivery) => ({
        id: delivery.id,
        attempts: delivery.attempts,
        ...attemptOutcome(delivery.attempts, await attempt(delivery), policy, new Date()),
      }))
    )
    await webhooks.recordDeliveryOutcomes(outcomes)
    const count = (status: string) => outcomes.filter((o) => o.status === status).length
    return new StepResponse<WebhookTally>({ delivered: count("delivered"), retried: count("pending"), failed: count("failed") })
  }
)
