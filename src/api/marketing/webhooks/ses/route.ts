import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { WebhookSignatureError } from "../../../../modules/messaging/lib/webhooks/errors"
import { parseSesNotification } from "../../../../modules/messaging/lib/webhooks/ses"
import MessagingModuleService from "../../../../modules/messaging/service"
import { SesProvider } from "../../../../providers/ses/service"
import { MarketingModule } from "../../../../types/modules"
import { recordProviderEventsWorkflow } from "../../../../workflows/delivery/workflows/record-provider-events"
import { answerRefusedWebhook } from "../errors"

/**
 * Amazon SNS's HTTPS subscription to the topic SES publishes a configuration set's events to: every
 * message's signature is checked; a subscription confirmation is confirmed, a notification's SES
 * event (delivery, bounce, complaint, reject) recorded.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const email = req.scope.resolve<MessagingModuleService>(MarketingModule.MESSAGING).provider("email")
  // SNS posts JSON as text/plain: the text parser keeps the raw body.
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
  try {
    if (!(email instanceof SesProvider)) throw new WebhookSignatureError("no SES provider is configured")
    const message = await email.verifySnsMessage(rawBody)
    switch (message.Type) {
      case "SubscriptionConfirmation":
        await email.confirmSnsSubscription(message)
        res.json({ confirmed: true })
        return
      case "UnsubscribeConfirmation":
        // The subscription was deleted on purpose; there is nothing to record.
        res.json({ received: 0, recorded: 0 })
        return
      case "Notification": {
        const events = parseSesNotification(message.Message)
        const { result } = await recordProviderEventsWorkflow(req.scope).run({ input: { events } })
        res.json({ received: events.length, recorded: result.length })
        return
      }
    }
  } catch (error) {
    if (!answerRefusedWebhook(error, req, res)) throw error
  }
}
