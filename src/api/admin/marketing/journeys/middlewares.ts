import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listEnrollmentsQueryConfig, listJourneysQueryConfig, retrieveJourneyQueryConfig } from "./query-config"
import {
  AdminContactJourneysResponse,
  AdminJourneyEnrollmentListResponse,
  AdminJourneyFiguresResponse,
  AdminJourneyListResponse,
  AdminJourneyResponse,
  AdminJourneyTemplatesResponse,
  AdminJourneyTestRunResponse,
} from "./responses"
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
const retrieve = { query: AdminGetJourneyParams, queryConfig: retrieveJourneyQueryConfig, response: AdminJourneyResponse }
/** A journey of 500 steps with their contents is larger than the default 100 KB. */
const bodyParser = { sizeLimit: "2mb" }

export const adminJourneyMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List journeys",
    query: AdminGetJourneysParams,
    queryConfig: listJourneysQueryConfig,
    response: AdminJourneyListResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "POST", matcher: BASE, summary: "Create a journey (a draft)", bodyParser, body: AdminCreateJourney, ...retrieve, policies: can("create") }),
  describedRoute({ method: "GET", matcher: `${BASE}/:id`, summary: "Retrieve a journey with its draft and live versions", ...retrieve, policies: can("read") }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id`,
    summary: "Edit a journey's draft (of a live journey, a new version that goes live when published)",
    bodyParser,
    body: AdminUpdateJourney,
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/publish`,
    summary: "Publish a journey's draft",
    description: "A journey that cannot go live is a 400 whose `problems` are located in the definition.",
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/transition`,
    summary: "Pause, resume or archive a journey",
    body: AdminTransitionJourney,
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/enrollments`,
    summary: "A journey's enrollments, of every version, filtered by state, contact, version or step",
    query: AdminGetJourneyEnrollmentsParams,
    queryConfig: listEnrollmentsQueryConfig,
    response: AdminJourneyEnrollmentListResponse,
    policies: can("read"),
  }),
  // Test sends real messages, as a campaign's test send does: the same operation.
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/test-runs`,
    summary: "Walk one contact through the journey with the waits skipped, sending its messages as test sends",
    description: "Nobody is enrolled. A definition that cannot go live is a 400 with its located `problems`, as at publishing.",
    body: AdminTestJourney,
    response: AdminJourneyTestRunResponse,
    policies: can("send"),
  }),
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/contacts/:id/journeys",
    summary: "A contact's enrollments in every journey, newest first, each with its journey's name",
    query: AdminGetContactJourneysParams,
    queryConfig: listEnrollmentsQueryConfig,
    response: AdminContactJourneysResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/journey-templates",
    summary: "The ready-made journeys to start from",
    response: AdminJourneyTemplatesResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: "/admin/marketing/journey-figures",
    summary: "Per journey and per step: contacts enrolled, running, converted, ended, and what the messages did",
    query: AdminGetJourneyFiguresParams,
    response: AdminJourneyFiguresResponse,
    policies: can("read"),
  }),
]
