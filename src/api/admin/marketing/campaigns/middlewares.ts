import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { retrieveMessageQueryConfig } from "../messages/query-config"
import { AdminGetMessageParams } from "../messages/validators"
import { listCampaignsQueryConfig, retrieveCampaignQueryConfig } from "./query-config"
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
const retrieve = validateAndTransformQuery(AdminGetCampaignParams, retrieveCampaignQueryConfig)

export const adminCampaignMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: BASE,
    middlewares: [validateAndTransformQuery(AdminGetCampaignsParams, listCampaignsQueryConfig)],
    policies: can("read"),
  },
  {
    method: ["POST"],
    matcher: BASE,
    middlewares: [validateAndTransformBody(AdminCreateCampaign), retrieve],
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
    middlewares: [validateAndTransformBody(AdminUpdateCampaign), retrieve],
    policies: can("update"),
  },
  {
    method: ["DELETE"],
    matcher: `${BASE}/:id`,
    policies: can("delete"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/duplicate`,
    middlewares: [validateAndTransformBody(AdminDuplicateCampaign), retrieve],
    policies: can("create"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/transition`,
    middlewares: [validateAndTransformBody(AdminTransitionCampaign), retrieve],
    policies: can("send"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/team`,
    middlewares: [validateAndTransformBody(AdminUpsertCampaignMember), retrieve],
    policies: can("update"),
  },
  {
    method: ["DELETE"],
    matcher: `${BASE}/:id/team/:user_id`,
    middlewares: [retrieve],
    policies: can("update"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/send`,
    middlewares: [validateAndTransformBody(AdminSendCampaign), retrieve],
    policies: can("send"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/test-send`,
    middlewares: [
      validateAndTransformBody(AdminSendTestMessage),
      validateAndTransformQuery(AdminGetMessageParams, retrieveMessageQueryConfig),
    ],
    policies: can("send"),
  },
  {
    method: ["POST"],
    matcher: `${BASE}/:id/preview`,
    middlewares: [validateAndTransformBody(AdminPreviewCampaign)],
    policies: can("read"),
  },
  {
    method: ["GET"],
    matcher: `${BASE}/:id/delivery`,
    middlewares: [validateAndTransformQuery(AdminGetCampaignDeliveryParams, retrieveCampaignQueryConfig)],
    policies: can("read"),
  },
]
