import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { describedRoute } from "../../../utils/described-route"
import { StoreRecordClick } from "../carts/[id]/attribution/validators"
import { StoreOffersResponse, StoreRecordClickResponse, StoreValidateCodeResponse } from "../responses"
import { StoreValidateCode } from "./validators"

export const storePromotionMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "POST",
    matcher: "/store/marketing/promotions/validate",
    summary: "Whether a code would apply to a cart, and if not, why; reserves nothing",
    body: StoreValidateCode,
    response: StoreValidateCodeResponse,
  }),
  describedRoute({
    method: "GET",
    matcher: "/store/marketing/offers",
    summary: "The logged-in customer's offers, soonest to end first, with the code to type where there is one",
    before: [authenticate("customer", ["session", "bearer"])],
    response: StoreOffersResponse,
  }),
  describedRoute({
    method: "POST",
    matcher: "/store/marketing/carts/:id/attribution",
    summary: "Remember on a cart the tracked click (`mkt_click`) the shopper arrived with, for its order's attribution",
    description: "A forged token is a 404.",
    body: StoreRecordClick,
    response: StoreRecordClickResponse,
  }),
]
