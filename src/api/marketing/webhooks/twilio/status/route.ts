import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseTwilioStatusCallback } from "../../../../../modules/messaging/lib/webhooks/twilio"
import { recordProviderEventsWorkflow } from "../../../../../workflows/delivery/workflows/record-provider-events"
import { answerRefusedWebhook } from "../../errors"
import { verifiedTwilioParams } from "../verify"

/** Twilio's message status callback: delivered, undelivered, failed. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  try {
    const params = verifiedTwilioParams(req)
    const event = parseTwilioStatusCallback(params, req.query as Record<string, string>)
    if (event) await recordProviderEventsWorkflow(req.scope).run({ input: { events: [event] } })
    res.status(204).end()
  } catch (error) {
    if (!answerRefusedWebhook(error, req, res)) throw error
  }
}
