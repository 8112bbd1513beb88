import { MiddlewareRoute } from "@medusajs/framework/http"
import { describedRoute } from "../../utils/described-route"

const NOT_VALID = { status: 404, description: "The link expired, was used or was altered: an HTML page", contentType: "text/html" }

/** The double opt-in link of a newsletter sign-up: public, signed by its token. */
export const consentMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: "/marketing/consent/confirm",
    summary: "The confirmation page: a button, so that a mail scanner following the link subscribes no one",
    response: { description: "The page with its button", contentType: "text/html" },
    otherResponses: [NOT_VALID],
  }),
  describedRoute({
    method: "POST",
    matcher: "/marketing/consent/confirm",
    summary: "Confirm the subscription (`?token=` from the email)",
    response: { description: "The confirmation page", contentType: "text/html" },
    otherResponses: [NOT_VALID],
  }),
]
