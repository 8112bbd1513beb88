import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseSendGridEvents, verifySendGridWebhook } from "../../../../modules/messaging/lib/webhooks/sendgrid"
import { WebhookSignatureError } from "../../../../modules/messaging/lib/webhooks/errors"
import CampaignModuleService from "../../../../modules/campaign/service"
import { MarketingModule } from "../../../../types/modules"
import { recordProviderEventsWorkflow } from "../../../../workflows/delivery/workflows/record-provider-events"
import { answerRefusedWebhook } from "../errors"

/** SendGrid's Signed Event Webhook: delivered, bounce, dropped, spamreport, unsubscribe. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { email } = (req.scope.resolve(MarketingModule.CAMPAIGN) as CampaignModuleService).getOptions()
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
  try {
    if (email?.provider !== "sendgrid" || !email.webhook_public_key) {
      throw new WebhookSignatureError("no SendGrid webhook_public_key is configured")
    }
    verifySendGridWebhook({
      publicKey: email.webhook_public_key,
      signature: req.get("X-Twilio-Email-Event-Webhook-Signature"),
      timestamp: req.get("X-Twilio-Email-Event-Webhook-Timestamp"),
      rawBody,
    })
    const events = parseSendGridEvents(rawBody)
    const { result } = await recordProviderEventsWorkflow(req.scope).run({ input: { events } })
    res.json({ received: events.length, recorded: result.length })
  } catch (error) {
    if (!answerRefusedWebhook(error, res)) throw error
  }
}
