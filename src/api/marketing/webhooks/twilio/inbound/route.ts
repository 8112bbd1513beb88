import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseTwilioInbound } from "../../../../../modules/messaging/lib/webhooks/twilio"
import { recordSmsKeywordWorkflow } from "../../../../../workflows/delivery/workflows/record-sms-keyword"
import { answerRefusedWebhook } from "../../errors"
import { verifiedTwilioParams } from "../verify"

/** Replies to the store's number: opt-out and opt-in keywords change SMS consent. Answers empty TwiML. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  try {
    const inbound = parseTwilioInbound(verifiedTwilioParams(req))
    if (inbound.keyword === "stop" || inbound.keyword === "start") {
      await recordSmsKeywordWorkflow(req.scope).run({ input: { message_sid: inbound.provider_message_id, from: inbound.from, keyword: inbound.keyword } })
    }
    res.type("text/xml").send("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>")
  } catch (error) {
    if (!answerRefusedWebhook(error, req, res)) throw error
  }
}
