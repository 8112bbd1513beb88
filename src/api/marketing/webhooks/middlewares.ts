import { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { describedRoute } from "../../utils/described-route"

const description = "A missing or bad signature is a 401 and records nothing; a payload the provider would not send is a 400."

export const webhookMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "POST",
    matcher: "/marketing/webhooks/sendgrid",
    summary: "SendGrid's Signed Event Webhook: delivered, bounce, dropped, spamreport, unsubscribe",
    description,
    // SendGrid signs the exact bytes it sent: the route needs them, not re-serialised JSON. Its batches of
    // events outgrow the parser's 100 KB default.
    bodyParser: { preserveRawBody: true, sizeLimit: "1mb" },
    response: z.object({ received: z.number().int(), recorded: z.number().int() }),
  }),
  describedRoute({
    method: "POST",
    matcher: "/marketing/webhooks/ses",
    summary: "Amazon SNS's subscription to the SES events topic: confirms the subscription, records delivery, bounce, complaint and reject",
    description,
    // SNS posts JSON as text/plain, which only the text parser reads; a message may be 256 KB, over the
    // parser's 100 KB default.
    bodyParser: { preserveRawBody: true, sizeLimit: "300kb" },
    response: z.union([z.object({ confirmed: z.literal(true) }), z.object({ received: z.number().int(), recorded: z.number().int() })]),
  }),
  describedRoute({
    method: "POST",
    matcher: "/marketing/webhooks/twilio/inbound",
    summary: "Replies to the store's number: STOP and START keywords change SMS consent",
    description,
    response: { description: "Empty TwiML", contentType: "text/xml" },
  }),
  describedRoute({
    method: "POST",
    matcher: "/marketing/webhooks/twilio/status",
    summary: "Twilio's message status callback: delivered, undelivered, failed",
    description,
    response: { status: 204, description: "Recorded", contentType: null },
  }),
]
