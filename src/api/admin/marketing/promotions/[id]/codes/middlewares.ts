import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../../../lib/rbac/resources"
import { listPromotionCodesQueryConfig } from "./query-config"
import {
  AdminAssignPromotionCodes,
  AdminExportPromotionCodesParams,
  AdminGeneratePromotionCodes,
  AdminGetPromotionCodesParams,
  AdminVoidPromotionCodes,
} from "./validators"

const BASE = "/admin/marketing/promotions/:id/codes"
const can = (operation: string) => [{ resource: MarketingResource.PROMOTION, operation }]

export const adminPromotionCodeMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetPromotionCodesParams, listPromotionCodesQueryConfig)],
    policies: can("read"),
  },
  {
    method: ["POST"],
    matcher: BASE,
    middlewares: [validateAndTransformBody(AdminGeneratePromotionCodes)],
    policies: can("create"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/batches`,
    policies: can("read"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/export`,
    middlewares: [validateAndTransformQuery(AdminExportPromotionCodesParams, { defaults: ["id"], isList: false })],
    policies: can("export"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/assign`,
    middlewares: [validateAndTransformBody(AdminAssignPromotionCodes)],
    policies: can("update"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/void`,
    middlewares: [validateAndTransformBody(AdminVoidPromotionCodes)],
    policies: can("update"),
  },
]
