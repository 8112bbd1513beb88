import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseSendGridEvents } from "../../../../modules/messaging/lib/webhooks/sendgrid"
import { WebhookSignatureError } from "../../../../modules/messaging/lib/webhooks/errors"
import MessagingModuleService from "../../../../modules/messaging/service"
import { SendGridProvider } from "../../../../providers/sendgrid/service"
import { MarketingModule } from "../../../../types/modules"
import { recordProviderEventsWorkflow } from "../../../../workflows/delivery/workflows/record-provider-events"
import { answerRefusedWebhook } from "../errors"

/** SendGrid's Signed Event Webhook: delivered, bounce, dropped, spamreport, unsubscribe. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const email = req.scope.resolve<MessagingModuleService>(MarketingModule.MESSAGING).provider("email")
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
  try {
    if (!(email instanceof SendGridProvider)) throw new WebhookSignatureError("no SendGrid provider is configured")
    email.verifyWebhook({
      signature: req.get("X-Twilio-Email-Event-Webhook-Signature"),
      timestamp: req.get("X-Twilio-Email-Event-Webhook-Timestamp"),
      rawBody,
    })
    const events = parseSendGridEvents(rawBody)
    const { result } = await recordProviderEventsWorkflow(req.scope).run({ input: { events } })
    res.json({ received: events.length, recorded: result.length })
  } catch (error) {
    if (!answerRefusedWebhook(error, req, res)) throw error
  }
}
