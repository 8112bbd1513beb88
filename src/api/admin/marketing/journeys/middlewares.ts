import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listEnrollmentsQueryConfig, listJourneysQueryConfig, retrieveJourneyQueryConfig } from "./query-config"
import {
  AdminCreateJourney,
  AdminGetContactJourneysParams,
  AdminGetJourneyEnrollmentsParams,
  AdminGetJourneyFiguresParams,
  AdminGetJourneyParams,
  AdminGetJourneysParams,
  AdminTestJourney,
  AdminTransitionJourney,
  AdminUpdateJourney,
} from "./validators"

const BASE = "/admin/marketing/journeys"
const can = (operation: string) => [{ resource: MarketingResource.AUTOMATION, operation }]
const retrieve = validateAndTransformQuery(AdminGetJourneyParams, retrieveJourneyQueryConfig)
/** A journey of 500 steps with their contents is larger than the default 100 KB. */
const bodyParser = { sizeLimit: "2mb" }

export const adminJourneyMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetJourneysParams, listJourneysQueryConfig)],
    policies: can("read"),
  },
  { method: ["POST"], matcher: BASE, bodyParser, middlewares: [validateAndTransformBody(AdminCreateJourney), retrieve], policies: can("create") },
  { method: ["GET"], matcher: `${BASE}/:id`, middlewares: [retrieve], policies: can("read") },
  { method: ["POST"], matcher: `${BASE}/:id`, bodyParser, middlewares: [validateAndTransformBody(AdminUpdateJourney), retrieve], policies: can("update") },
  { method: ["POST"], matcher: `${BASE}/:id/publish`, middlewares: [retrieve], policies: can("update") },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/transition`,
    middlewares: [validateAndTransformBody(AdminTransitionJourney), retrieve],
    policies: can("update"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/:id/enrollments`,
    middlewares: [validateAndTransformQuery(AdminGetJourneyEnrollmentsParams, listEnrollmentsQueryConfig)],
    policies: can("read"),
  },
  // Test sends real messages, as a campaign's test send does: the same operation.
  { method: ["POST"], matcher: `${BASE}/:id/test-runs`, middlewares: [validateAndTransformBody(AdminTestJourney)], policies: can("send") },
  {
    method: ["GET"],
    matcher: "/admin/marketing/contacts/:id/journeys",
    middlewares: [validateAndTransformQuery(AdminGetContactJourneysParams, listEnrollmentsQueryConfig)],
    policies: can("read"),
  },
  { method: ["GET"], matcher: "/admin/marketing/journey-templates", policies: can("read") },
  {
    method: ["GET"],
    matcher: "/admin/marketing/journey-figures",
    middlewares: [validateAndTransformQuery(AdminGetJourneyFiguresParams, {})],
    policies: can("read"),
  },
]
