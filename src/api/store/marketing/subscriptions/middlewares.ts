import { MiddlewareRoute } from "@medusajs/framework/http"
import { describedRoute } from "../../../utils/described-route"
import { StoreSubscribeResponse } from "../responses"
import { StoreSubscribe } from "./validators"

export const storeSubscriptionMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "POST",
    matcher: "/store/marketing/subscriptions",
    summary: "Newsletter sign-up with double opt-in",
    description: "Always 202 with the same body: the answer does not tell whether an address is already subscribed or suppressed.",
    body: StoreSubscribe,
    response: { status: 202, description: "Accepted", schema: StoreSubscribeResponse },
  }),
]
