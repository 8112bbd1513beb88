import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listSegmentsQueryConfig, retrieveSegmentQueryConfig } from "./query-config"
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
const retrieve = validateAndTransformQuery(AdminGetSegmentParams, retrieveSegmentQueryConfig)

export const adminSegmentMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetSegmentsParams, listSegmentsQueryConfig)],
    policies: can("read"),
  },
  { method: ["POST"], matcher: BASE, middlewares: [validateAndTransformBody(AdminCreateSegment), retrieve], policies: can("create") },
  { method: ["POST"], matcher: `${BASE}/preview`, middlewares: [validateAndTransformBody(AdminPreviewSegment)], policies: can("read") },
  { method: ["GET"], matcher: `${BASE}/reference`, policies: can("read") },
  { method: ["GET"], matcher: `${BASE}/:id`, middlewares: [retrieve], policies: can("read") },
  { method: ["POST"], matcher: `${BASE}/:id`, middlewares: [validateAndTransformBody(AdminUpdateSegment), retrieve], policies: can("update") },
  { method: ["DELETE"], matcher: `${BASE}/:id`, policies: can("delete") },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/duplicate`,
    middlewares: [validateAndTransformBody(AdminDuplicateSegment), retrieve],
    policies: can("create"),
  },
  { method: ["POST"], matcher: `${BASE}/:id/snapshot`, middlewares: [retrieve], policies: can("update") },
  {
    method: ["GET"],
    matcher: `${BASE}/:id/reachable`,
    middlewares: [validateAndTransformQuery(AdminGetSegmentReachableParams, retrieveSegmentQueryConfig)],
    policies: can("read"),
  },
]
