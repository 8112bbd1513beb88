import { MedusaRequest } from "@medusajs/framework/http"
import { WebhookSignatureError } from "../../../../modules/messaging/lib/webhooks/errors"
import { marketingOptions } from "../../../../lib/marketing-options"
import { TwilioParams } from "../../../../modules/messaging/lib/webhooks/twilio"
import MessagingModuleService from "../../../../modules/messaging/service"
import { TwilioProvider } from "../../../../providers/twilio/service"
import { MarketingModule } from "../../../../types/modules"

/**
 * Checks a Twilio webhook's X-Twilio-Signature and returns its form fields. Twilio signs the URL it
 * called, which is this backend's public URL (`public_url`) plus the path and query it requested.
 */
export function verifiedTwilioParams(req: MedusaRequest): TwilioParams {
  const { public_url } = marketingOptions(req.scope)
  const sms = req.scope.resolve<MessagingModuleService>(MarketingModule.MESSAGING).provider("sms")
  if (!(sms instanceof TwilioProvider)) throw new WebhookSignatureError("no Twilio provider is configured")
  const params = Object.fromEntries(
    Object.entries((req.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value)])
  )
  sms.verifyWebhook({
    signature: req.get("X-Twilio-Signature"),
    url: `${public_url}${req.originalUrl}`,
    params,
  })
  return params
}
