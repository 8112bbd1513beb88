import { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { JOURNEY_EVENT_BODY_LIMIT } from "../../../utils/journey-event"
import { AdminPostJourneyEvent } from "./validators"

export const adminJourneyEventMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "POST",
    matcher: "/admin/marketing/events",
    summary: "A custom event from the host's backend: enrols its contact in the journeys it triggers",
    bodyParser: { sizeLimit: JOURNEY_EVENT_BODY_LIMIT },
    body: AdminPostJourneyEvent,
    response: {
      status: 202,
      description: "Accepted: the contact, and per journey the enrollment made or why none was",
      schema: z.object({
        contact_id: z.string().nullable(),
        enrollments: z.array(
          z.object({ journey_id: z.string(), contact_id: z.string(), enrollment_id: z.string().nullable(), reason: z.string().nullable() })
        ),
      }),
    },
    policies: [{ resource: MarketingResource.AUTOMATION, operation: "create" }],
  }),
]
