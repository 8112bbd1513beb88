import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { JOURNEY_EVENT_BODY_LIMIT } from "../../../utils/journey-event"
import { AdminPostJourneyEvent } from "./validators"

export const adminJourneyEventMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/marketing/events",
    bodyParser: { sizeLimit: JOURNEY_EVENT_BODY_LIMIT },
    middlewares: [validateAndTransformBody(AdminPostJourneyEvent)],
    policies: [{ resource: MarketingResource.AUTOMATION, operation: "create" }],
  },
]
