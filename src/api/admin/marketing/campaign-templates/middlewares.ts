import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { listCampaignTemplatesQueryConfig, retrieveCampaignTemplateQueryConfig } from "./query-config"
import {
  AdminCreateCampaignTemplate,
  AdminGetCampaignTemplateParams,
  AdminGetCampaignTemplatesParams,
  AdminUpdateCampaignTemplate,
} from "./validators"

const BASE = "/admin/marketing/campaign-templates"
// Templates are campaign content: whoever may write campaigns may keep templates for them.
const can = (operation: string) => [{ resource: MarketingResource.CAMPAIGN, operation }]
const retrieve = validateAndTransformQuery(AdminGetCampaignTemplateParams, retrieveCampaignTemplateQueryConfig)

export const adminCampaignTemplateMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetCampaignTemplatesParams, listCampaignTemplatesQueryConfig)],
    policies: can("read"),
  },
  {
    method: ["POST"],
    matcher: BASE,
    middlewares: [validateAndTransformBody(AdminCreateCampaignTemplate), retrieve],
    policies: can("create"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/:id`,
    middlewares: [retrieve],
    policies: can("read"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id`,
    middlewares: [validateAndTransformBody(AdminUpdateCampaignTemplate), retrieve],
    policies: can("update"),
  },
  {
    method: ["DELETE"],
    matcher: `${BASE}/:id`,
    policies: can("delete"),
  },
]
