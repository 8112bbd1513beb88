import { MedusaRequest } from "@medusajs/framework/http"
import { WebhookSignatureError } from "../../../../modules/messaging/lib/webhooks/errors"
import { TwilioParams, verifyTwilioWebhook } from "../../../../modules/messaging/lib/webhooks/twilio"
import CampaignModuleService from "../../../../modules/campaign/service"
import { MarketingModule } from "../../../../types/modules"

/**
 * Checks a Twilio webhook's X-Twilio-Signature and returns its form fields. Twilio signs the URL it
 * called, which is this backend's public URL (`public_url`) plus the path and query it requested.
 */
export function verifiedTwilioParams(req: MedusaRequest): TwilioParams {
  const { sms, public_url } = (req.scope.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()
  if (sms?.provider !== "twilio") throw new WebhookSignatureError("no Twilio provider is configured")
  const params = Object.fromEntries(
    Object.entries((req.body ?? {}) as Record<string, unknown>).map(([key, value]) => [key, String(value)])
  )
  verifyTwilioWebhook({
    authToken: sms.auth_token,
    signature: req.get("X-Twilio-Signature"),
    url: `${public_url}${req.originalUrl}`,
    params,
  })
  return params
}
