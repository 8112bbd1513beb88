import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import WebhookModuleService from "../../../modules/webhook/service"
import { MarketingModule } from "../../../types/modules"

/**
 * Queues the deliveries of the facts recorded since the last collection. Its effect is the
 * queue's and the cursors' together, in one statement per source: nothing to undo.
 */
export const collectWebhookFactsStep = createStep("collect-marketing-webhook-facts", async ({ limit }: { limit: number }, { container }) => {
  const webhooks: WebhookModuleService = container.resolve(MarketingModule.WEBHOOK)
  return new StepResponse(await webhooks.collectFacts(limit))
})
