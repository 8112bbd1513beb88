import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listSegmentsQueryConfig, retrieveSegmentQueryConfig } from "./query-config"
import {
  AdminSegmentDeleteResponse,
  AdminSegmentListResponse,
  AdminSegmentPreviewResponse,
  AdminSegmentReachableResponse,
  AdminSegmentReferenceResponse,
  AdminSegmentResponse,
} from "./responses"
import {
  AdminCreateSegment,
  AdminDuplicateSegment,
  AdminGetSegmentParams,
  AdminGetSegmentReachableParams,
  AdminGetSegmentsParams,
  AdminPreviewSegment,
  AdminUpdateSegment,
} from "./validators"

const BASE = "/admin/marketing/segments"
const can = (operation: string) => [{ resource: MarketingResource.SEGMENT, operation }]
const retrieve = { query: AdminGetSegmentParams, queryConfig: retrieveSegmentQueryConfig, response: AdminSegmentResponse }

export const adminSegmentMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List segments",
    query: AdminGetSegmentsParams,
    queryConfig: listSegmentsQueryConfig,
    response: AdminSegmentListResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "POST", matcher: BASE, summary: "Create a segment", body: AdminCreateSegment, ...retrieve, policies: can("create") }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/preview`,
    summary: "Count and sample the contacts DSL text matches, and how many each channel reaches",
    description: "A DSL error is a 400 that carries its `line`, `column`, `token` and what was `expected`.",
    body: AdminPreviewSegment,
    response: AdminSegmentPreviewResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/reference`,
    summary: "The segment language: fields with their operators, functions, logic and literals",
    response: AdminSegmentReferenceResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "GET", matcher: `${BASE}/:id`, summary: "Retrieve a segment", ...retrieve, policies: can("read") }),
  describedRoute({ method: "POST", matcher: `${BASE}/:id`, summary: "Update a segment", body: AdminUpdateSegment, ...retrieve, policies: can("update") }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id`,
    summary: "Delete a segment (refused while another segment or a campaign uses it)",
    response: AdminSegmentDeleteResponse,
    policies: can("delete"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/duplicate`,
    summary: "Copy a segment under a handle of its own, without its members",
    body: AdminDuplicateSegment,
    ...retrieve,
    policies: can("create"),
  }),
  describedRoute({ method: "POST", matcher: `${BASE}/:id/snapshot`, summary: "Freeze a static segment's members", ...retrieve, policies: can("update") }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/reachable`,
    summary: "How many of the segment's contacts a send on each channel would reach now",
    query: AdminGetSegmentReachableParams,
    queryConfig: retrieveSegmentQueryConfig,
    response: AdminSegmentReachableResponse,
    policies: can("read"),
  }),
]
