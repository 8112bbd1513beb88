import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import WebhookModuleService, { DeliveryState } from "../../../modules/webhook/service"
import { MarketingModule } from "../../../types/modules"

/** Queues one of an endpoint's deliveries again from its first attempt; undone, it gets its state back. */
export const requeueWebhookDeliveryStep = createStep(
  "requeue-marketing-webhook-delivery",
  async (input: { endpoint_id: string; delivery_id: string }, { container }) => {
    const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
    const before = await webhooks.requeueDelivery(input)
    return new StepResponse(before, before)
  },
  async (before: DeliveryState | undefined, { container }) => {
    if (!before) return
    const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
    await webhooks.revertRequeuedDelivery(before)
  }
)
