import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listContactsQueryConfig, retrieveContactQueryConfig } from "./query-config"
import { AdminGetContactActivityParams, AdminGetContactParams, AdminGetContactsParams, AdminSetConsent } from "./validators"

const BASE = "/admin/marketing/contacts"
const can = (operation: string) => [{ resource: MarketingResource.CONTACT, operation }]
const retrieve = validateAndTransformQuery(AdminGetContactParams, retrieveContactQueryConfig)

export const adminContactMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: BASE, middlewares: [validateAndTransformQuery(AdminGetContactsParams, listContactsQueryConfig)], policies: can("read") },
  { method: ["GET"], matcher: `${BASE}/:id`, middlewares: [retrieve], policies: can("read") },
  { method: ["GET"], matcher: `${BASE}/:id/segments`, policies: can("read") },
  {
    method: ["GET"],
    matcher: `${BASE}/:id/activity`,
    middlewares: [validateAndTransformQuery(AdminGetContactActivityParams, { isList: false })],
    policies: can("read"),
  },
  { method: ["POST"], matcher: `${BASE}/:id/consent`, middlewares: [validateAndTransformBody(AdminSetConsent), retrieve], policies: can("update") },
  { method: ["GET"], matcher: `${BASE}/:id/export`, policies: can("export") },
  { method: ["POST"], matcher: `${BASE}/:id/erase`, policies: can("delete") },
]
