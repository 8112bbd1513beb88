import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import WebhookModuleService from "../../../modules/webhook/service"
import { MarketingModule } from "../../../types/modules"

export type ClaimWebhookDeliveriesInput = { limit: number; lease_ms: number }

/**
 * Claims due deliveries. A claim is not given back when a later step fails: its attempt is
 * counted, and the delivery is due again when the lease ends.
 */
export const claimWebhookDeliveriesStep = createStep(
  "claim-marketing-webhook-deliveries",
  async ({ limit, lease_ms }: ClaimWebhookDeliveriesInput, { container }) => {
    const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
    return new StepResponse(await webhooks.claimDueDeliveries({ limit, leaseMs: lease_ms }))
  }
)
