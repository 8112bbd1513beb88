import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { retrieveMessageQueryConfig } from "../messages/query-config"
import { AdminMessageResponse } from "../messages/responses"
import { AdminGetMessageParams } from "../messages/validators"
import { listCampaignsQueryConfig, retrieveCampaignQueryConfig } from "./query-config"
import {
  AdminCampaignDeleteResponse,
  AdminCampaignDeliveryResponse,
  AdminCampaignListResponse,
  AdminCampaignPreviewResponse,
  AdminCampaignResponse,
  AdminCampaignSendResponse,
} from "./responses"
import {
  AdminCreateCampaign,
  AdminDuplicateCampaign,
  AdminGetCampaignDeliveryParams,
  AdminGetCampaignParams,
  AdminPreviewCampaign,
  AdminSendCampaign,
  AdminSendTestMessage,
  AdminGetCampaignsParams,
  AdminTransitionCampaign,
  AdminUpdateCampaign,
  AdminUpsertCampaignMember,
} from "./validators"

const BASE = "/admin/marketing/campaigns"
const can = (operation: string) => [{ resource: MarketingResource.CAMPAIGN, operation }]
const retrieve = { query: AdminGetCampaignParams, queryConfig: retrieveCampaignQueryConfig, response: AdminCampaignResponse }

export const adminCampaignMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List campaigns",
    query: AdminGetCampaignsParams,
    queryConfig: listCampaignsQueryConfig,
    response: AdminCampaignListResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "POST", matcher: BASE, summary: "Create a campaign (a draft)", body: AdminCreateCampaign, ...retrieve, policies: can("create") }),
  describedRoute({ method: "GET", matcher: `${BASE}/:id`, summary: "Retrieve a campaign, with its team", ...retrieve, policies: can("read") }),
  describedRoute({ method: "POST", matcher: `${BASE}/:id`, summary: "Update a campaign", body: AdminUpdateCampaign, ...retrieve, policies: can("update") }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id`,
    summary: "Delete a campaign",
    response: AdminCampaignDeleteResponse,
    policies: can("delete"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/duplicate`,
    summary: "Copy a campaign as a draft owned by the caller",
    body: AdminDuplicateCampaign,
    ...retrieve,
    policies: can("create"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/transition`,
    summary: "Move a campaign along its lifecycle (schedule, pause, resume, cancel)",
    body: AdminTransitionCampaign,
    ...retrieve,
    policies: can("send"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/team`,
    summary: "Add a member to a campaign's team or change their role",
    body: AdminUpsertCampaignMember,
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id/team/:user_id`,
    summary: "Remove a member from a campaign's team",
    ...retrieve,
    policies: can("update"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/send`,
    summary: "Send a scheduled one-off campaign now instead of at its send time",
    body: AdminSendCampaign,
    ...retrieve,
    response: AdminCampaignSendResponse,
    policies: can("send"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/test-send`,
    summary: "Send the campaign to one address as a test message",
    body: AdminSendTestMessage,
    query: AdminGetMessageParams,
    queryConfig: retrieveMessageQueryConfig,
    response: AdminMessageResponse,
    policies: can("send"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/preview`,
    summary: "Render the campaign as a contact, or a made-up sample contact, would receive it",
    body: AdminPreviewCampaign,
    response: AdminCampaignPreviewResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/delivery`,
    summary: "A campaign's delivery progress and engagement counts",
    query: AdminGetCampaignDeliveryParams,
    queryConfig: retrieveCampaignQueryConfig,
    response: AdminCampaignDeliveryResponse,
    policies: can("read"),
  }),
]
