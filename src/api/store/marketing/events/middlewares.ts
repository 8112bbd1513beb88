import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { JOURNEY_EVENT_BODY_LIMIT } from "../../../utils/journey-event"
import { StorePostJourneyEvent } from "./validators"

export const storeJourneyEventMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/marketing/events",
    bodyParser: { sizeLimit: JOURNEY_EVENT_BODY_LIMIT },
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StorePostJourneyEvent),
    ],
  },
]
