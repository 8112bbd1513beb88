import { MiddlewareRoute } from "@medusajs/framework/http"
import { ResponseDescription, describedRoute } from "../../utils/described-route"

const INVALID_LINK: ResponseDescription = { status: 404, description: "A token that is forged, altered or names nothing: an HTML page", contentType: "text/html" }
const page = (description: string): ResponseDescription => ({ description, contentType: "text/html" })

/** The links inside sent messages: public, signed by their token. */
export const trackingMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: "/marketing/t/o/:token",
    summary: "The open pixel of an email, never cached",
    response: { description: "A transparent 1×1 GIF", contentType: "image/gif" },
    otherResponses: [INVALID_LINK],
  }),
  describedRoute({
    method: "GET",
    matcher: "/marketing/t/c/:token/:position",
    summary: "A tracked click: redirects to the URL the message had at that position, with the click's token for attribution",
    response: { status: 302, description: "To the link's destination", contentType: null },
    otherResponses: [INVALID_LINK],
  }),
  describedRoute({
    method: "GET",
    matcher: "/marketing/t/u/:token",
    summary: "The unsubscribe page: a button, so that a mail scanner following the link unsubscribes no one",
    response: page("The page with its button"),
    otherResponses: [INVALID_LINK],
  }),
  describedRoute({
    method: "POST",
    matcher: "/marketing/t/u/:token",
    summary: "Unsubscribe: RFC 8058 one-click (body `List-Unsubscribe=One-Click`, empty answer) or the page's button",
    response: page("The confirmation page; empty for a one-click unsubscribe"),
    otherResponses: [INVALID_LINK],
  }),
]
