import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listCampaignTemplatesQueryConfig, retrieveCampaignTemplateQueryConfig } from "./query-config"
import { AdminCampaignTemplateDeleteResponse, AdminCampaignTemplateListResponse, AdminCampaignTemplateResponse } from "./responses"
import {
  AdminCreateCampaignTemplate,
  AdminGetCampaignTemplateParams,
  AdminGetCampaignTemplatesParams,
  AdminUpdateCampaignTemplate,
} from "./validators"

const BASE = "/admin/marketing/campaign-templates"
// Templates are campaign content: whoever may write campaigns may keep templates for them.
const can = (operation: string) => [{ resource: MarketingResource.CAMPAIGN, operation }]
const retrieve = {
  query: AdminGetCampaignTemplateParams,
  queryConfig: retrieveCampaignTemplateQueryConfig,
  response: AdminCampaignTemplateResponse,
}

export const adminCampaignTemplateMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List the saved email templates",
    query: AdminGetCampaignTemplatesParams,
    queryConfig: listCampaignTemplatesQueryConfig,
    response: AdminCampaignTemplateListResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "POST", matcher: BASE, summary: "Save an email template", body: AdminCreateCampaignTemplate, ...retrieve, policies: can("create") }),
  describedRoute({ method: "GET", matcher: `${BASE}/:id`, summary: "Retrieve an email template", ...retrieve, policies: can("read") }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id`,
    summary: "Update an email template",
    body: AdminUpdateCampaignTemplate,
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id`,
    summary: "Delete an email template",
    response: AdminCampaignTemplateDeleteResponse,
    policies: can("delete"),
  }),
]
