import { MiddlewareRoute } from "@medusajs/framework/http"
import { MarketingResource } from "../../../../lib/rbac/resources"
import { describedRoute } from "../../../utils/described-route"
import { listPromotionsQueryConfig, listRedemptionsQueryConfig, retrievePromotionQueryConfig } from "./query-config"
import {
  AdminPromotionByNativeResponse,
  AdminPromotionCostPreviewResponse,
  AdminPromotionDeleteResponse,
  AdminPromotionListResponse,
  AdminPromotionResponse,
  AdminRedemptionListResponse,
} from "./responses"
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
const retrieve = { query: AdminGetPromotionParams, queryConfig: retrievePromotionQueryConfig, response: AdminPromotionResponse }

export const adminPromotionMiddlewares: MiddlewareRoute[] = [
  describedRoute({
    method: "GET",
    matcher: BASE,
    summary: "List promotions",
    query: AdminGetPromotionsParams,
    queryConfig: listPromotionsQueryConfig,
    response: AdminPromotionListResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "POST", matcher: BASE, summary: "Create a promotion (a draft)", body: AdminCreatePromotion, ...retrieve, policies: can("create") }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/cost-preview`,
    summary: "What a draft promotion would cost on a segment, replayed on the segment's recent orders",
    body: AdminPreviewPromotionCost,
    response: AdminPromotionCostPreviewResponse,
    policies: can("read"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/by-native/:id`,
    summary: "The marketing promotion behind a native promotion, or null for one of the store's own",
    query: AdminGetPromotionParams,
    queryConfig: listPromotionsQueryConfig,
    response: AdminPromotionByNativeResponse,
    policies: can("read"),
  }),
  describedRoute({ method: "GET", matcher: `${BASE}/:id`, summary: "Retrieve a promotion", ...retrieve, policies: can("read") }),
  describedRoute({ method: "POST", matcher: `${BASE}/:id`, summary: "Update a promotion", body: AdminUpdatePromotion, ...retrieve, policies: can("update") }),
  describedRoute({
    method: "DELETE",
    matcher: `${BASE}/:id`,
    summary: "Delete a promotion",
    response: AdminPromotionDeleteResponse,
    policies: can("delete"),
  }),
  describedRoute({
    method: "POST",
    matcher: `${BASE}/:id/duplicate`,
    summary: "Copy a promotion's terms as a draft, without its codes or redemptions",
    body: AdminDuplicatePromotion,
    ...retrieve,
    policies: can("create"),
  }),
  describedRoute({
    method: "GET",
    matcher: `${BASE}/:id/redemptions`,
    summary: "The promotion's ledger: reservations, redemptions and releases, newest first",
    query: AdminGetRedemptionsParams,
    queryConfig: listRedemptionsQueryConfig,
    response: AdminRedemptionListResponse,
    policies: can("read"),
  }),
]
