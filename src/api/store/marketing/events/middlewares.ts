import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { describedRoute } from "../../../utils/described-route"
import { JOURNEY_EVENT_BODY_LIMIT } from "../../../utils/journey-event"
import { StorePostJourneyEvent } from "./validators"

export const storeJourneyEventMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "POST",
    matcher: "/store/marketing/events",
    summary: "A storefront event: enrols the shopper (logged in, or named by email) in the journeys it triggers",
    description: "It answers the same whoever is named, so that it tells nothing about who is a contact.",
    bodyParser: { sizeLimit: JOURNEY_EVENT_BODY_LIMIT },
    before: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
    body: StorePostJourneyEvent,
    response: { status: 202, description: "Accepted", schema: z.object({ accepted: z.literal(true) }) },
  }),
]
