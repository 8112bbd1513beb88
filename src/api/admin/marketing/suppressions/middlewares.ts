import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { AdminCreateSuppression, AdminGetSuppressionsParams, suppressionFields } from "./validators"

const BASE = "/admin/marketing/suppressions"
const can = (operation: string) => [{ resource: MarketingResource.CONTACT, operation }]

export const adminSuppressionMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetSuppressionsParams, { defaults: suppressionFields, isList: true })],
    policies: can("read"),
  },
  { method: ["POST"], matcher: BASE, middlewares: [validateAndTransformBody(AdminCreateSuppression)], policies: can("update") },
  { method: ["DELETE"], matcher: `${BASE}/:id`, policies: can("update") },
]
