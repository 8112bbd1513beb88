import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listPromotionsQueryConfig, listRedemptionsQueryConfig, retrievePromotionQueryConfig } from "./query-config"
import {
  AdminCreatePromotion,
  AdminDuplicatePromotion,
  AdminGetPromotionParams,
  AdminGetPromotionsParams,
  AdminGetRedemptionsParams,
  AdminPreviewPromotionCost,
  AdminUpdatePromotion,
} from "./validators"

const BASE = "/admin/marketing/promotions"
const can = (operation: string) => [{ resource: MarketingResource.PROMOTION, operation }]
const retrieve = validateAndTransformQuery(AdminGetPromotionParams, retrievePromotionQueryConfig)

export const adminPromotionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetPromotionsParams, listPromotionsQueryConfig)],
    policies: can("read"),
  },
  {
    method: ["POST"],
    matcher: BASE,
    middlewares: [validateAndTransformBody(AdminCreatePromotion), retrieve],
    policies: can("create"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/cost-preview`,
    middlewares: [validateAndTransformBody(AdminPreviewPromotionCost)],
    policies: can("read"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/by-native/:id`,
    middlewares: [validateAndTransformQuery(AdminGetPromotionParams, listPromotionsQueryConfig)],
    policies: can("read"),
  },
  { method: ["GET"], matcher: `${BASE}/:id`, middlewares: [retrieve], policies: can("read") },
  {
    method: ["POST"],
    matcher: `${BASE}/:id`,
    middlewares: [validateAndTransformBody(AdminUpdatePromotion), retrieve],
    policies: can("update"),
  },
  { method: ["DELETE"], matcher: `${BASE}/:id`, policies: can("delete") },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/duplicate`,
    middlewares: [validateAndTransformBody(AdminDuplicatePromotion), retrieve],
    policies: can("create"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/:id/redemptions`,
    middlewares: [validateAndTransformQuery(AdminGetRedemptionsParams, listRedemptionsQueryConfig)],
    policies: can("read"),
  },
]
