import { MiddlewareRoute } from "@medusajs/framework/http"

export const webhookMiddlewares: MiddlewareRoute[] = [
  // SendGrid signs the exact bytes it sent: the route needs them, not re-serialised JSON.
  { method: ["POST"], matcher: "/marketing/webhooks/sendgrid", bodyParser: { preserveRawBody: true } },
  // SNS posts JSON as text/plain, which only the text parser reads.
  { method: ["POST"], matcher: "/marketing/webhooks/ses", bodyParser: { preserveRawBody: true } },
]
