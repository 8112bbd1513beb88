import { createStep } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import WebhookModuleService from "../../../modules/webhook/service"
import { MarketingModule } from "../../../types/modules"
import { isLocalHttpUrl } from "../../../modules/webhook/lib/endpoint-url"

/**
 * The validator lets through https URLs and http ones on localhost; the latter only reach the
 * store's own machine, and are accepted only when the plugin option allows them (development, tests).
 */
export const checkEndpointUrlStep = createStep("check-marketing-webhook-endpoint-url", async ({ url }: { url?: string }, { container }) => {
  if (!url || !isLocalHttpUrl(url)) return
  if (!(container.resolve(MarketingModule.WEBHOOK) as WebhookModuleService).getOptions().allow_http_localhost) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "url: must be an https URL (http://localhost is accepted only with the plugin option webhooks.allow_http_localhost)"
    )
  }
})
